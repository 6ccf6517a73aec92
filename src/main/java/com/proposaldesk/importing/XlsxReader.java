package com.proposaldesk.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Reads the first sheet of an .xlsx workbook as text, the way Excel displays it; date cells become
 * YYYY-MM-DD. Formulas and merged cells are reported, not evaluated or guessed.
 */
@Component
class XlsxReader {

    SheetContent read(byte[] bytes, int maxRows) {
        try (Workbook workbook = open(bytes)) {
            return read(workbook.getSheetAt(0), new SheetContentBuilder(maxRows), new DataFormatter(Locale.CHINA));
        } catch (IOException e) {
            throw corrupt();
        }
    }

    private static Workbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // POI signals a broken package with several unchecked exceptions (and zip bombs with an IOException)
            throw corrupt();
        }
    }

    private static ImportRejectedException corrupt() {
        return ImportRejectedException.invalidFile("文件已损坏或不是有效的 xlsx 工作簿，请用 Excel 打开检查后另存为 .xlsx 再导入");
    }

    private static SheetContent read(Sheet sheet, SheetContentBuilder content, DataFormatter formatter) {
        Row header = sheet.getRow(0);
        content.headers(header == null ? List.of() : texts(header, content, formatter));
        for (CellRangeAddress merged : sheet.getMergedRegions()) {
            content.problem(merged.getFirstRow() + 1, merged.getFirstColumn(),
                    "表格中有合并单元格 " + merged.formatAsString() + "，请取消合并，在每个单元格填好内容后再导入");
        }
        for (int index = 1; index <= sheet.getLastRowNum(); index++) {
            Row row = sheet.getRow(index);
            if (row != null) {
                content.row(index + 1, texts(row, content, formatter));
            }
        }
        return content.build();
    }

    private static List<String> texts(Row row, SheetContentBuilder content, DataFormatter formatter) {
        List<String> cells = new ArrayList<>();
        for (int column = 0; column < Math.max(row.getLastCellNum(), 0); column++) {
            Cell cell = row.getCell(column);
            cells.add(cell == null ? null : text(cell, content, formatter));
        }
        return cells;
    }

    private static String text(Cell cell, SheetContentBuilder content, DataFormatter formatter) {
        return switch (cell.getCellType()) {
            case FORMULA -> {
                content.problem(cell.getRowIndex() + 1, cell.getColumnIndex(), "第 " + (cell.getRowIndex() + 1) + " 行"
                        + content.columnLabel(cell.getColumnIndex()) + "含有公式，请粘贴为数值后再导入");
                yield null;
            }
            case BLANK -> null;
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : formatter.formatCellValue(cell);
            default -> formatter.formatCellValue(cell);
        };
    }
}
