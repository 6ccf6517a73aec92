package com.proposaldesk.importing;

import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.util.CellReference;

/** Collects what a reader finds: header, non-blank rows up to the row limit, cell problems. */
final class SheetContentBuilder {

    private final int maxRows;
    private List<String> headers = List.of();
    private final List<SheetContent.SheetRow> rows = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();

    SheetContentBuilder(int maxRows) {
        this.maxRows = maxRows;
    }

    void headers(List<String> cells) {
        headers = cells;
    }

    /** Adds a data row; blank rows are skipped, and one row more than allowed rejects the file. */
    void row(int number, List<String> cells) {
        SheetContent.SheetRow row = new SheetContent.SheetRow(number, cells);
        if (row.isBlank()) {
            return;
        }
        if (rows.size() == maxRows) {
            throw ImportRejectedException.invalidFile(
                    "交办清单一次最多导入 " + maxRows + " 行，本文件超过了这个数量，请分成几个文件分批导入");
        }
        rows.add(row);
    }

    void problem(int row, int columnIndex, String message) {
        String header = columnIndex < headers.size() ? headers.get(columnIndex) : null;
        ImportColumn column = header == null ? null : ImportColumn.byHeader(header).orElse(null);
        problems.add(new ImportProblem(row, column != null ? column.header() : columnName(columnIndex),
                column != null ? column.field() : null, message));
    }

    /** How a message names a column: “提案标题”列, or 第 D 列 where it has no known header. */
    String columnLabel(int columnIndex) {
        String header = columnIndex < headers.size() ? headers.get(columnIndex) : null;
        return ImportColumn.byHeader(header == null ? "" : header).map(column -> "“" + column.header() + "”列")
                .orElse(columnName(columnIndex));
    }

    static String columnName(int columnIndex) {
        return "第 " + CellReference.convertNumToColString(columnIndex) + " 列";
    }

    SheetContent build() {
        return new SheetContent(headers, List.copyOf(rows), List.copyOf(problems));
    }
}
