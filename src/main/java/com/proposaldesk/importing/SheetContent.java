package com.proposaldesk.importing;

import java.util.List;

/**
 * An uploaded sheet as text: the header row, the data rows that are not blank, and what was wrong
 * with cells no matter their content (formulas, merged cells).
 */
record SheetContent(List<String> headers, List<SheetRow> rows, List<ImportProblem> problems) {

    boolean isEmpty() {
        return headers.stream().allMatch(SheetRow::isBlank) && rows.isEmpty();
    }

    /** One data row: its number as the spreadsheet shows it and its cells as text ({@code null} when empty). */
    record SheetRow(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() ? cells.get(index) : null;
        }

        boolean isBlank() {
            return cells.stream().allMatch(SheetRow::isBlank);
        }

        static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }
}
