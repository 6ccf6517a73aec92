package com.proposaldesk.importing;

import java.util.List;

/** An assignment list that is not imported at all; the problems say why, in Chinese. */
public class ImportRejectedException extends RuntimeException {

    /** Why, as far as the HTTP answer is concerned. */
    public enum Reason {
        /** The file or its rows are invalid (400). */
        INVALID,
        /** Every problem is a number registered already (409). */
        ALREADY_REGISTERED,
        /** The file is larger than allowed (413). */
        TOO_LARGE
    }

    private final Reason reason;
    private final transient List<ImportProblem> problems;

    public ImportRejectedException(Reason reason, String message, List<ImportProblem> problems) {
        super(message);
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    static ImportRejectedException invalidFile(String message) {
        return new ImportRejectedException(Reason.INVALID, message, List.of(ImportProblem.ofFile(message)));
    }

    public Reason reason() {
        return reason;
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
