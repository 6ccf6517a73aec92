package com.proposaldesk.importing;

import java.util.Locale;

import org.apache.poi.poifs.filesystem.FileMagic;

/** The two formats of an assignment list, told apart by content first and by file name second. */
enum SpreadsheetFormat {
    XLSX, CSV;

    static SpreadsheetFormat of(String filename, byte[] bytes) {
        String extension = extension(filename);
        FileMagic magic = FileMagic.valueOf(bytes);
        if (magic == FileMagic.OOXML) {
            return XLSX;
        }
        if (magic == FileMagic.OLE2 || extension.equals("xls")) {
            throw ImportRejectedException.invalidFile(
                    "这是旧版 Excel（.xls）文件或加密的工作簿，请在 Excel 中另存为不加密的 .xlsx 后再导入");
        }
        if (extension.equals("xlsx")) {
            throw ImportRejectedException.invalidFile("文件已损坏或不是有效的 xlsx 工作簿，请用 Excel 打开检查后另存为 .xlsx 再导入");
        }
        if (extension.equals("csv") && magic == FileMagic.UNKNOWN) {
            return CSV;
        }
        throw ImportRejectedException.invalidFile("只能导入 .xlsx 工作簿或 UTF-8 编码的 .csv 文件"
                + (filename == null || filename.isBlank() ? "" : "，“" + filename + "”不是这两种格式") + "，请下载模板填写");
    }

    private static String extension(String filename) {
        if (filename == null) {
            return "";
        }
        int dot = filename.lastIndexOf('.');
        return dot < 0 ? "" : filename.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }
}
