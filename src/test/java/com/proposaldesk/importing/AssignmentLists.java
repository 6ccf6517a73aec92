package com.proposaldesk.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Assignment lists for tests, in the documented layout, built with POI and Commons CSV as the office's Excel would. */
final class AssignmentLists {

    /** The documented headers, spelled out here so that a change to the layout breaks a test. */
    static final List<String> HEADERS = List.of("提案编号", "来源", "会议届次", "提案标题", "领衔委员", "界别", "联系电话",
            "电子邮箱", "所在辖区", "联名委员", "建议事项", "我局办理角色", "重点提案", "交办日期", "牵头单位", "会办单位");

    /** A cell with a formula instead of a value. */
    record Formula(String expression) {
    }

    private AssignmentLists() {
    }

    /** A valid row: a proposal the bureau leads (主办), with an external co-handling unit. */
    static List<Object> row(String number) {
        return new ArrayList<>(Arrays.asList(number, "政协提案", "市政协七届四次会议", "关于第" + number + "号事项的提案",
                "委员" + number, "经济界", "13800000000", "m" + number + "@example.cn", "福田区", "李四、王五",
                "加强日常检查\n推广明厨亮灶", "主办", "否", LocalDate.of(2024, 3, 15), null, "市教育局"));
    }

    static List<Object> with(List<Object> row, String header, Object value) {
        row.set(HEADERS.indexOf(header), value);
        return row;
    }

    static byte[] xlsx(List<List<Object>> rows) {
        return xlsx(HEADERS, rows, sheet -> { });
    }

    static byte[] xlsx(List<String> headers, List<List<Object>> rows, Consumer<Sheet> change) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("交办清单");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd"));
            List<List<Object>> all = new ArrayList<>();
            all.add(new ArrayList<>(headers));
            all.addAll(rows);
            for (int r = 0; r < all.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = all.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (value instanceof Formula f) {
                        cell.setCellFormula(f.expression());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            change.accept(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] csv(boolean bom, List<List<Object>> rows) {
        StringBuilder text = new StringBuilder(bom ? "\uFEFF" : "");
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADERS);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(value -> value == null ? "" : value.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
