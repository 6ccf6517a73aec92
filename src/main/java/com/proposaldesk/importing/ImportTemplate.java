package com.proposaldesk.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The downloadable templates of the assignment list: an .xlsx with a 填写说明 sheet, and a .csv. */
@Component
class ImportTemplate {

    static final String SHEET = "交办清单";
    static final String INSTRUCTIONS_SHEET = "填写说明";

    private final ImportProperties limits;

    ImportTemplate(ImportProperties limits) {
        this.limits = limits;
    }

    byte[] xlsx() {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            listSheet(workbook.createSheet(SHEET), styles);
            instructionsSheet(workbook.createSheet(INSTRUCTIONS_SHEET), styles);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a BOM, so that Excel shows the Chinese headers when it opens the file. */
    byte[] csv() {
        StringBuilder text = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::header));
            printer.printRecord(Arrays.stream(ImportColumn.values()).map(ImportColumn::sample));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void listSheet(Sheet sheet, Styles styles) {
        Row header = sheet.createRow(0);
        Row sample = sheet.createRow(1);
        for (ImportColumn column : ImportColumn.values()) {
            int index = column.ordinal();
            Cell title = header.createCell(index);
            title.setCellValue(column.header());
            title.setCellStyle(column.required() ? styles.requiredHeader : styles.header);
            Cell value = sample.createCell(index);
            if (column == ImportColumn.ASSIGNED_ON) {
                value.setCellValue(LocalDate.parse(column.sample()));
                value.setCellStyle(styles.date);
            } else {
                value.setCellValue(column == ImportColumn.SUGGESTIONS ? column.sample().replace("；", "\n") : column.sample());
                value.setCellStyle(styles.text);
            }
            // numbers and phone numbers stay text in Excel: no lost leading zeros, no 1.38E+10
            sheet.setDefaultColumnStyle(index, column == ImportColumn.ASSIGNED_ON ? styles.date : styles.text);
            sheet.setColumnWidth(index, width(column.header(), column.sample()));
        }
        sheet.createFreezePane(0, 1);
    }

    private void instructionsSheet(Sheet sheet, Styles styles) {
        int rowIndex = 0;
        Row title = sheet.createRow(rowIndex++);
        title.createCell(0).setCellValue("交办清单填写说明");
        title.getCell(0).setCellStyle(styles.title);
        Row header = sheet.createRow(rowIndex++);
        List<String> headers = List.of("列名", "是否必填", "填写说明", "示例");
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
            header.getCell(i).setCellStyle(styles.header);
        }
        for (ImportColumn column : ImportColumn.values()) {
            Row row = sheet.createRow(rowIndex++);
            List<String> cells = List.of(column.header(), column.required() ? "必填" : "选填", column.explanation(),
                    column.sample());
            for (int i = 0; i < cells.size(); i++) {
                row.createCell(i).setCellValue(cells.get(i));
                row.getCell(i).setCellStyle(styles.text);
            }
        }
        rowIndex++;
        Row notesTitle = sheet.createRow(rowIndex++);
        notesTitle.createCell(0).setCellValue("导入规则");
        notesTitle.getCell(0).setCellStyle(styles.title);
        int number = 1;
        for (String note : notes()) {
            Row row = sheet.createRow(rowIndex++);
            row.createCell(0).setCellValue(number++ + ". " + note);
        }
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 70 * 256);
        sheet.setColumnWidth(3, 40 * 256);
    }

    private List<String> notes() {
        return List.of(
                "只导入第一个工作表“" + SHEET + "”，本说明页不会被导入。",
                "第一行是表头，请不要修改表头文字；列的顺序可以调整。表头为橙色的列必须填写。",
                "每行填写一件提案，空行会被跳过。第 2 行是示例，导入前请删除或改为真实内容。",
                "一次最多导入 " + limits.maxRows() + " 行，文件不能超过 " + ImportProperties.describe(limits.maxFileSize()) + "。",
                "全部导入或全部不导入：只要有一行有问题，系统就列出所有问题（行号、列名和原因），一件也不导入；改正后重新导入整个文件即可。",
                "已经登记过的提案编号不能再次导入，同一文件中的提案编号也不能重复。",
                "不要使用公式和合并单元格；从其他表格复制内容时，请选择“粘贴为数值”。",
                "也可以导入 CSV 文件：在 Excel 中“另存为”并选择“CSV UTF-8（逗号分隔）”，列与本模板相同。");
    }

    /** Column width in 1/256 of a character; Chinese characters are about two characters wide. */
    private static int width(String header, String sample) {
        int widest = 0;
        for (String line : (header + "\n" + sample.replace("；", "\n")).split("\n")) {
            widest = Math.max(widest, line.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum());
        }
        return Math.min(widest + 4, 60) * 256;
    }

    private static final class Styles {

        final CellStyle header;
        final CellStyle requiredHeader;
        final CellStyle text;
        final CellStyle date;
        final CellStyle title;

        Styles(Workbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = headerStyle(workbook, bold, IndexedColors.PALE_BLUE);
            requiredHeader = headerStyle(workbook, bold, IndexedColors.LIGHT_ORANGE);
            text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            date.setVerticalAlignment(VerticalAlignment.TOP);
            Font large = workbook.createFont();
            large.setBold(true);
            large.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(large);
        }

        private static CellStyle headerStyle(Workbook workbook, Font bold, IndexedColors fill) {
            CellStyle style = workbook.createCellStyle();
            style.setFont(bold);
            style.setFillForegroundColor(fill.getIndex());
            style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            style.setBorderBottom(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.CENTER);
            return style;
        }
    }
}
