package com.proposaldesk.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.util.CellReference;

/** Which column of the file holds which column of the template; columns may come in any order. */
final class HeaderLayout {

    private final Map<ImportColumn, Integer> positions;
    private final List<Integer> unnamed;
    private final int headerCount;
    private final List<ImportProblem> problems;

    private HeaderLayout(Map<ImportColumn, Integer> positions, List<Integer> unnamed, int headerCount,
            List<ImportProblem> problems) {
        this.positions = positions;
        this.unnamed = unnamed;
        this.headerCount = headerCount;
        this.problems = problems;
    }

    static HeaderLayout of(List<String> headers) {
        Map<ImportColumn, Integer> positions = new EnumMap<>(ImportColumn.class);
        List<Integer> unnamed = new ArrayList<>();
        List<ImportProblem> problems = new ArrayList<>();
        for (int index = 0; index < headers.size(); index++) {
            String header = headers.get(index);
            if (header == null || header.isBlank()) {
                unnamed.add(index);
                continue;
            }
            Optional<ImportColumn> column = ImportColumn.byHeader(header);
            if (column.isEmpty()) {
                problems.add(new ImportProblem(1, header.strip(), null, "表头“" + header.strip() + "”（第 "
                        + letter(index) + " 列）不是交办清单的列，请对照模板修改或删除这一列"));
            } else if (positions.containsKey(column.get())) {
                problems.add(ImportProblem.of(1, column.get(), "表头“" + column.get().header() + "”出现了两次（第 "
                        + letter(positions.get(column.get())) + " 列和第 " + letter(index) + " 列）"));
            } else {
                positions.put(column.get(), index);
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (!positions.containsKey(column)) {
                problems.add(ImportProblem.of(1, column, "缺少“" + column.header() + "”列"));
            }
        }
        return new HeaderLayout(positions, unnamed, headers.size(), problems);
    }

    List<ImportProblem> problems() {
        return problems;
    }

    String value(SheetContent.SheetRow row, ImportColumn column) {
        String text = row.cell(positions.get(column));
        if (text == null) {
            return null;
        }
        String value = text.strip();
        return value.isEmpty() ? null : value;
    }

    /** Data in a column without a header would otherwise be lost silently. */
    List<ImportProblem> contentWithoutHeader(SheetContent.SheetRow row) {
        List<ImportProblem> found = new ArrayList<>();
        for (int index = 0; index < row.cells().size(); index++) {
            boolean beyondHeader = index >= headerCount;
            if ((beyondHeader || unnamed.contains(index)) && !SheetContent.SheetRow.isBlank(row.cell(index))) {
                found.add(new ImportProblem(row.number(), SheetContentBuilder.columnName(index), null,
                        "第 " + row.number() + " 行第 " + letter(index) + " 列有内容，但这一列没有表头，请删除或移到正确的列"));
            }
        }
        return found;
    }

    private static String letter(int index) {
        return CellReference.convertNumToColString(index);
    }
}
