package com.proposaldesk.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.proposaldesk.evaluation.EvaluationResult;
import com.proposaldesk.proposal.Proposal;

/** Writes the ledger (提案办理台账) as one sheet, a row per proposal. */
final class LedgerWorkbook {

    static final String SHEET = "提案办理台账";

    /** A column: header, width in characters, and the value (String, LocalDate or null) of a row. */
    private record Column(String header, int width, Function<LedgerRow, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("编号", 12, r -> p(r).number()),
            new Column("来源", 12, r -> p(r).source().label()),
            new Column("会议届次", 20, r -> p(r).sessionName()),
            new Column("标题", 40, r -> p(r).title()),
            new Column("领衔委员", 10, r -> p(r).leadMember().name()),
            new Column("我局角色", 8, r -> p(r).role().label()),
            new Column("重点", 6, r -> p(r).keyProposal() ? "是" : "否"),
            new Column("主办处室", 16, LedgerRow::leadDepartmentName),
            new Column("协办处室", 24, r -> String.join("、", r.assistingDepartmentNames())),
            new Column("交办日期", 12, r -> p(r).assignedOn()),
            new Column("签收日期", 12, r -> p(r).signedOn()),
            new Column("首次沟通日期", 14, LedgerRow::firstContactOn),
            new Column("答复期限", 12, r -> p(r).answerDue()),
            new Column("答复日期", 12, r -> p(r).repliedOn()),
            new Column("是否按时", 10, r -> p(r).repliedOnTime() == null ? null : p(r).repliedOnTime() ? "按时" : "逾期"),
            new Column("答复类别", 10, r -> p(r).replyClassification() == null ? null : p(r).replyClassification() + "类"),
            new Column("委员评价", 10, r -> evaluation(p(r).evaluation())),
            new Column("延期", 12, LedgerRow::extendedTo),
            new Column("状态", 14, r -> p(r).status().label()));

    private LedgerWorkbook() {
    }

    static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    static byte[] write(List<LedgerRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(SHEET);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));

            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(COLUMNS.get(c).header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, (COLUMNS.get(c).width() + 2) * 256);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < COLUMNS.size(); c++) {
                    Object value = COLUMNS.get(c).value().apply(rows.get(r));
                    if (value instanceof LocalDate day) {
                        Cell cell = row.createCell(c);
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value != null && !value.toString().isEmpty()) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rows.size(), 1), 0, COLUMNS.size() - 1));
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ledger", e);
        }
    }

    private static Proposal p(LedgerRow row) {
        return row.proposal();
    }

    private static String evaluation(String result) {
        if (result == null) {
            return null;
        }
        try {
            return EvaluationResult.valueOf(result).label();
        } catch (IllegalArgumentException e) {
            return result;
        }
    }
}
