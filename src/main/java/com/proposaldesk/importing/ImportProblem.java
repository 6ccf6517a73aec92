package com.proposaldesk.importing;

/**
 * One problem in an uploaded assignment list: the row as the spreadsheet numbers it (the header is
 * row 1), the Chinese column header, the registration field and a Chinese message. Row, column and
 * field are absent where the problem concerns the whole file.
 */
public record ImportProblem(Integer row, String column, String field, String message) {

    static ImportProblem ofFile(String message) {
        return new ImportProblem(null, null, null, message);
    }

    static ImportProblem of(int row, ImportColumn column, String message) {
        return new ImportProblem(row, column.header(), column.field(), message);
    }
}
