package com.proposaldesk.importing;

import static com.proposaldesk.importing.AssignmentLists.csv;
import static com.proposaldesk.importing.AssignmentLists.row;
import static com.proposaldesk.importing.AssignmentLists.with;
import static com.proposaldesk.importing.AssignmentLists.xlsx;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.importing.AssignmentLists.Formula;
import com.proposaldesk.process.ProcessElements;
import com.proposaldesk.support.ApiClient;

/**
 * The office uploads the city's assignment list: a clean file registers every proposal, each waiting
 * to be signed for; any problem anywhere is reported with its row and column, and nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "proposal-desk.import.max-file-size=200KB", "proposal-desk.import.max-rows=30",
        "spring.servlet.multipart.max-file-size=400KB", "spring.servlet.multipart.max-request-size=400KB"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssignmentListImportTest {

    private static final String IMPORT = "/api/proposals/import";

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    private ApiClient office;

    @BeforeAll
    void login() {
        office = ApiClient.as(rest, identity, "importer", "Jiao-ban-2024", "office");
    }

    @Test
    void goodXlsxRegistersEveryProposalAndStartsItsProcess() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(with(row("2024101"), "提案编号", 2024101));
        rows.add(new ArrayList<>());
        rows.add(with(with(with(row("2024102"), "我局办理角色", "SOLE"), "重点提案", "是"), "交办日期", "2024/3/16"));
        List<Object> coHandled = with(with(row("2024103"), "我局办理角色", "会办"), "牵头单位", "市教育局");
        rows.add(with(with(coHandled, "会办单位", null), "来源", "人大代表建议"));

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "交办清单.xlsx", xlsx(rows));

        assertThat(answer.getStatusCode().value()).as(answer.getBody().toString()).isEqualTo(201);
        assertThat(answer.getBody().path("count").asInt()).isEqualTo(3);
        assertThat(answer.getBody().path("numbers").toString()).isEqualTo("[\"2024101\",\"2024102\",\"2024103\"]");
        for (String number : List.of("2024101", "2024102", "2024103")) {
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).as(number).isEqualTo(1);
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getTaskDefinitionKey())
                    .as(number).isEqualTo(ProcessElements.TASK_SIGN_FOR);
        }
        JsonNode lead = office.get("/api/proposals/2024101").getBody();
        assertThat(lead.path("role").asText()).isEqualTo("LEAD");
        assertThat(lead.path("source").asText()).isEqualTo("CPPCC");
        assertThat(lead.path("suggestions").toString()).isEqualTo("[\"加强日常检查\",\"推广明厨亮灶\"]");
        assertThat(lead.path("coSigners").toString()).isEqualTo("[\"李四\",\"王五\"]");
        assertThat(lead.path("externalCoUnits").toString()).isEqualTo("[\"市教育局\"]");
        assertThat(lead.path("dates").path("assignedOn").asText()).isEqualTo("2024-03-15");
        assertThat(lead.path("leadMember").path("phone").asText()).isEqualTo("13800000000");
        JsonNode sole = office.get("/api/proposals/2024102").getBody();
        assertThat(sole.path("role").asText()).isEqualTo("SOLE");
        assertThat(sole.path("key").asBoolean()).isTrue();
        assertThat(sole.path("dates").path("assignedOn").asText()).isEqualTo("2024-03-16");
        JsonNode coHandling = office.get("/api/proposals/2024103").getBody();
        assertThat(coHandling.path("role").asText()).isEqualTo("CO_HANDLING");
        assertThat(coHandling.path("source").asText()).isEqualTo("NPC");
        assertThat(coHandling.path("externalLeadUnit").asText()).isEqualTo("市教育局");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("2024103").singleResult()
                .getProcessDefinitionId()).startsWith(ProcessElements.CO_HANDLING_PROCESS);
    }

    @ParameterizedTest(name = "BOM: {0}")
    @ValueSource(booleans = {true, false})
    void goodCsvIsImportedWithOrWithoutBom(boolean bom) {
        String first = bom ? "2024201" : "2024211";
        String second = bom ? "2024202" : "2024212";
        List<List<Object>> rows = List.of(with(row(first), "交办日期", "2024-03-15"),
                with(with(row(second), "我局办理角色", "分办"), "建议事项", "规范网络订餐；加强冷链监管"));

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.csv", csv(bom, rows));

        assertThat(answer.getStatusCode().value()).as(answer.getBody().toString()).isEqualTo(201);
        assertThat(answer.getBody().path("numbers").toString()).isEqualTo("[\"" + first + "\",\"" + second + "\"]");
        JsonNode split = office.get("/api/proposals/" + second).getBody();
        assertThat(split.path("role").asText()).isEqualTo("SPLIT");
        assertThat(split.path("suggestions").toString()).isEqualTo("[\"规范网络订餐\",\"加强冷链监管\"]");
        assertThat(office.get("/api/proposals/" + first).getBody().path("suggestions").size()).isEqualTo(2);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(second).taskDefinitionKey(ProcessElements.TASK_SIGN_FOR)
                .count()).isEqualTo(1);
    }

    @Test
    void everyProblemInEveryRowIsReportedAndNothingIsStored() {
        Counts before = counts();
        List<List<Object>> rows = List.of(
                with(with(row("2024301"), "提案标题", null), "电子邮箱", "not-an-address"),
                row("2024302"),
                with(with(with(row("2024303"), "我局办理角色", "主力"), "交办日期", "2024-13-40"), "重点提案", "可能"),
                with(row("2024304"), "我局办理角色", "会办"));

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.xlsx", xlsx(rows));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        JsonNode body = answer.getBody();
        assertThat(body.path("message").asText()).contains("没有导入任何提案");
        assertThat(problems(body)).contains(
                "2|提案标题|title|提案标题不能为空",
                "2|电子邮箱|leadMember.email|领衔委员电子邮箱格式不正确",
                "4|我局办理角色|role|办理角色“主力”无效，应为 SOLE（承办）、LEAD（主办）、SPLIT（分办）或 CO_HANDLING（会办）",
                "4|交办日期|assignedOn|交办日期“2024-13-40”不是有效日期，格式应为 年-月-日，例如 2023-04-10",
                "4|重点提案|key|重点提案应填“是”或“否”，不能是“可能”",
                "5|牵头单位|externalLeadUnit|会办件必须填写牵头单位",
                "5|会办单位|externalCoUnits|会办件不登记外单位会办单位（由牵头单位汇总）");
        assertThat(problems(body)).noneMatch(problem -> problem.startsWith("3|"));
        assertThat(counts()).isEqualTo(before);
        assertThat(office.get("/api/proposals/2024302").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void numbersAlreadyRegisteredAreAConflictAndNothingIsStored() {
        assertThat(office.upload(IMPORT, "first.xlsx", xlsx(List.of(row("2024401")))).getStatusCode().value()).isEqualTo(201);
        Counts before = counts();

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "again.xlsx", xlsx(List.of(row("2024402"), row("2024401"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().path("message").asText()).contains("2024401").contains("没有导入任何提案");
        assertThat(problems(answer.getBody())).containsExactly("3|提案编号|number|提案编号 2024401 已经登记，不能重复登记");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void duplicatesWithinTheFileAreReportedWithTheFirstRow() {
        assertThat(office.upload(IMPORT, "first.xlsx", xlsx(List.of(row("2024501")))).getStatusCode().value()).isEqualTo(201);
        Counts before = counts();

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.xlsx",
                xlsx(List.of(row("2024502"), row("2024503"), row("2024502"), row("2024501"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(answer.getBody())).containsExactly(
                "4|提案编号|number|提案编号 2024502 与第 2 行重复",
                "5|提案编号|number|提案编号 2024501 已经登记，不能重复登记");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aFileNotMadeFromTheTemplateNamesTheMissingAndUnknownHeaders() {
        List<String> headers = new ArrayList<>(AssignmentLists.HEADERS);
        headers.set(headers.indexOf("提案标题"), "备注");
        List<Object> row = row("2024601");

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.xlsx", xlsx(headers, List.of(row), sheet -> { }));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        String message = answer.getBody().path("message").asText();
        assertThat(message).contains("表头与交办清单模板不一致").contains("缺少“提案标题”列").contains("表头“备注”（第 D 列）不是交办清单的列");
        assertThat(problems(answer.getBody())).contains("1|提案标题|title|缺少“提案标题”列");
    }

    @Test
    void headersMayCarryHintsAndComeInAnyOrder() {
        List<String> headers = new ArrayList<>(AssignmentLists.HEADERS);
        headers.set(1, "来源（政协提案/人大代表建议）");
        headers.set(11, "我局办理角色(承办/主办/分办/会办)");
        List<Object> row = row("2024651");
        // swap the first two columns: 来源 first, then 提案编号
        Collections.swap(headers, 0, 1);
        Collections.swap(row, 0, 1);

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.xlsx", xlsx(headers, List.of(row), sheet -> { }));

        assertThat(answer.getStatusCode().value()).as(answer.getBody().toString()).isEqualTo(201);
        assertThat(answer.getBody().path("numbers").get(0).asText()).isEqualTo("2024651");
    }

    @Test
    void anOversizedFileGetsAChineseMessage() {
        byte[] overImportLimit = new byte[250 * 1024];
        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "big.xlsx", overImportLimit);
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody().path("message").asText()).isEqualTo("文件超过 200 KB 的上限，请分成几个文件分批导入");

        byte[] overUploadLimit = new byte[500 * 1024];
        ResponseEntity<JsonNode> refused = office.upload(IMPORT, "bigger.xlsx", overUploadLimit);
        assertThat(refused.getStatusCode().value()).isEqualTo(413);
        assertThat(refused.getBody().path("message").asText()).isEqualTo("文件超过 200 KB 的上限，请分成几个文件分批导入");
    }

    @Test
    void formulasAreRejectedWithTheirCell() {
        Counts before = counts();
        List<Object> row = with(row("2024701"), "提案标题", new Formula("CONCATENATE(\"关于\",\"食品安全的提案\")"));

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.xlsx", xlsx(List.of(row)));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(answer.getBody()))
                .containsExactly("2|提案标题|title|第 2 行“提案标题”列含有公式，请粘贴为数值后再导入");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void mergedCellsAreRejectedWithTheirRange() {
        List<List<Object>> rows = List.of(row("2024801"), with(row("2024802"), "建议事项", null));

        ResponseEntity<JsonNode> answer = office.upload(IMPORT, "list.xlsx",
                xlsx(AssignmentLists.HEADERS, rows, sheet -> sheet.addMergedRegion(CellRangeAddress.valueOf("K2:K3"))));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(problems(answer.getBody()))
                .contains("2|建议事项|suggestions|表格中有合并单元格 K2:K3，请取消合并，在每个单元格填好内容后再导入");
        assertThat(office.get("/api/proposals/2024801").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void emptyFilesAreRejected() {
        assertThat(message(office.upload(IMPORT, "empty.xlsx", new byte[0]))).isEqualTo("文件是空的，请下载模板填写后再导入");
        assertThat(message(office.upload(IMPORT, "bom.csv", "\uFEFF".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("文件中没有任何内容，请下载模板填写后再导入");
        assertThat(message(office.upload(IMPORT, "headers.xlsx", xlsx(List.of(List.of(), List.of())))))
                .isEqualTo("交办清单中没有提案：表头以下都是空行");
    }

    @Test
    void filesThatAreNotSpreadsheetsAreRejected() throws IOException {
        assertThat(message(office.upload(IMPORT, "scan.pdf", "%PDF-1.7 交办清单".getBytes(StandardCharsets.UTF_8))))
                .startsWith("只能导入 .xlsx 工作簿或 UTF-8 编码的 .csv 文件，“scan.pdf”不是这两种格式");
        assertThat(message(office.upload(IMPORT, "list.xlsx", "提案编号,来源".getBytes(StandardCharsets.UTF_8))))
                .startsWith("文件已损坏或不是有效的 xlsx 工作簿");
        assertThat(message(office.upload(IMPORT, "list.xlsx", zipWithoutWorkbook())))
                .startsWith("文件已损坏或不是有效的 xlsx 工作簿");
        byte[] truncated = xlsx(List.of(row("2024901")));
        assertThat(message(office.upload(IMPORT, "list.xlsx", Arrays.copyOf(truncated, truncated.length / 2))))
                .startsWith("文件已损坏或不是有效的 xlsx 工作簿");
        assertThat(message(office.upload(IMPORT, "list.csv", String.join(",", AssignmentLists.HEADERS)
                .getBytes(Charset.forName("GBK"))))).startsWith("CSV 文件不是 UTF-8 编码");
    }

    @Test
    void moreRowsThanAllowedAreRejected() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            rows.add(row("2025" + (100 + i)));
        }
        assertThat(message(office.upload(IMPORT, "list.xlsx", xlsx(rows))))
                .isEqualTo("交办清单一次最多导入 30 行，本文件超过了这个数量，请分成几个文件分批导入");
        assertThat(office.get("/api/proposals/2025100").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aRequestWithoutFileOrLoginIsRefused() {
        ResponseEntity<JsonNode> noFile = office.post(IMPORT, Map.of("number", "1"));
        assertThat(noFile.getStatusCode().value()).isEqualTo(400);
        assertThat(noFile.getBody().path("message").asText()).contains("请选择要上传的文件");
        assertThat(rest.postForEntity(IMPORT, null, String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void theTemplatesDescribeTheLayoutAndImportAsTheyAre() throws IOException {
        ResponseEntity<byte[]> template = office.download(IMPORT + "/template.xlsx");
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        assertThat(template.getHeaders().getContentType().toString()).startsWith("application/vnd.openxmlformats");
        assertThat(template.getHeaders().getContentDisposition().getFilename()).isEqualTo("交办清单模板.xlsx");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("交办清单");
            assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            for (int i = 0; i < AssignmentLists.HEADERS.size(); i++) {
                assertThat(header.getCell(i).getStringCellValue()).isEqualTo(AssignmentLists.HEADERS.get(i));
                assertThat(sheet.getColumnWidth(i)).as("width of " + AssignmentLists.HEADERS.get(i)).isGreaterThan(8 * 256);
            }
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("20240001");
            Sheet instructions = workbook.getSheetAt(1);
            StringBuilder text = new StringBuilder();
            instructions.forEach(row -> row.forEach(cell -> text.append(cell.getStringCellValue()).append('\n')));
            for (String column : AssignmentLists.HEADERS) {
                assertThat(text).contains(column);
            }
            assertThat(text).contains("一次最多导入 30 行").contains("200 KB").contains("全部导入或全部不导入");
        }
        ResponseEntity<JsonNode> imported = office.upload(IMPORT, "模板.xlsx", template.getBody());
        assertThat(imported.getStatusCode().value()).as(imported.getBody().toString()).isEqualTo(201);
        assertThat(imported.getBody().path("numbers").toString()).isEqualTo("[\"20240001\"]");

        ResponseEntity<byte[]> csvTemplate = office.download(IMPORT + "/template.csv");
        assertThat(csvTemplate.getHeaders().getContentType().toString()).startsWith("text/csv");
        String csvText = new String(csvTemplate.getBody(), StandardCharsets.UTF_8);
        assertThat(csvText).startsWith("\uFEFF" + String.join(",", AssignmentLists.HEADERS) + "\r\n");
        // the same sample row: registered by the xlsx template a moment ago
        ResponseEntity<JsonNode> again = office.upload(IMPORT, "模板.csv", csvTemplate.getBody());
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(problems(again.getBody())).containsExactly("2|提案编号|number|提案编号 20240001 已经登记，不能重复登记");
    }

    @Test
    void theImportPageIsServed() {
        ResponseEntity<String> page = rest.getForEntity("/import.html", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("导入交办清单").contains("/api/proposals/import/template.xlsx");
    }

    // ---- helpers ----

    record Counts(long proposals, long processes) {
    }

    private Counts counts() {
        return new Counts(jdbc.sql("SELECT COUNT(*) FROM pd_proposal").query(Long.class).single(),
                runtime.createProcessInstanceQuery().count());
    }

    private static List<String> problems(JsonNode body) {
        List<String> problems = new ArrayList<>();
        body.path("errors").forEach(e -> problems.add(e.path("row").asText() + "|" + e.path("column").asText() + "|"
                + e.path("field").asText() + "|" + e.path("message").asText()));
        return problems;
    }

    private static String message(ResponseEntity<JsonNode> answer) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        return answer.getBody().path("message").asText();
    }

    private static byte[] zipWithoutWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
