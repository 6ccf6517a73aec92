package com.proposaldesk.importing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/** Reads a UTF-8 CSV file (with or without BOM); a row is a CSV record, so a cell may span lines. */
@Component
class CsvReader {

    private static final char BOM = '\uFEFF';

    SheetContent read(byte[] bytes, int maxRows) {
        String text = decode(bytes);
        if (text.indexOf('\0') >= 0) {
            throw ImportRejectedException.invalidFile("文件不是 CSV 文本文件，请上传 .xlsx 工作簿或 UTF-8 编码的 .csv 文件");
        }
        SheetContentBuilder content = new SheetContentBuilder(maxRows);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() == 1) {
                    content.headers(record.toList());
                } else {
                    content.row(Math.toIntExact(record.getRecordNumber()), record.toList());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ImportRejectedException.invalidFile(
                    "CSV 文件格式有误（例如引号不成对），请用 Excel 打开后另存为“CSV UTF-8（逗号分隔）”再导入");
        }
        return content.build();
    }

    private static String decode(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw ImportRejectedException.invalidFile(
                    "CSV 文件不是 UTF-8 编码，请在 Excel 中“另存为”并选择“CSV UTF-8（逗号分隔）”后再导入");
        }
    }
}
