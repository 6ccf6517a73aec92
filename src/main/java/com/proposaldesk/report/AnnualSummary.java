package com.proposaldesk.report;

import java.util.List;

/** The figures of a year-end summary's section 一 (办理基本情况) and its self-score (自评). */
public record AnnualSummary(
        Scope scope,
        int total,
        List<RoleCount> byRole,
        Answered answered,
        Evaluations evaluations,
        CoHandling coHandling,
        int repliedInAll,
        KeyProposals keyProposals,
        Extensions extensions,
        List<DepartmentWorkload> departments,
        List<TypicalCase> typicalCases,
        SelfScore selfScore) {

    public record Scope(Integer year, String session, String label) {
    }

    public record RoleCount(String role, String label, int count) {
    }

    /** The proposals the bureau answers itself (承办/主办/分办). */
    public record Answered(int total, int replied, int onTime, int late, List<Pending> pending) {
    }

    public record Pending(String number, String sessionName, String title, String role, boolean keyProposal,
            String reason) {
    }

    public record Evaluations(int satisfied, int basicallySatisfied, int unsatisfied, int notEvaluated) {
    }

    /** Co-handled proposals (会办) and the opinion letters sent to their lead bureaus. */
    public record CoHandling(int total, int lettersSent, int onTime, int late, List<Pending> pending) {
    }

    public record KeyProposals(int led, List<String> ledNumbers, int coHandled, List<String> coHandledNumbers) {
    }

    public record Extensions(int approved, List<String> numbers) {
    }

    public record DepartmentWorkload(String code, String name, int leadCases, int assistingCases) {
    }

    public record TypicalCase(String number, String sessionName, String title, List<String> suggestions,
            String achievements) {
    }
}
