package com.proposaldesk.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.proposaldesk.security.CurrentUser;

/** Upload of the city's assignment list and its templates. */
@RestController
@RequestMapping("/api/proposals/import")
public class AssignmentListController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** The error body of a rejected import: every problem with its row and column. */
    public record ImportErrorBody(String message, List<ImportProblem> errors) {
    }

    private final AssignmentListImport importer;
    private final ImportTemplate template;
    private final CurrentUser user;

    public AssignmentListController(AssignmentListImport importer, ImportTemplate template, CurrentUser user) {
        this.user = user;
        this.importer = importer;
        this.template = template;
    }

    @PostMapping
    public ResponseEntity<ImportResult> upload(@RequestParam("file") MultipartFile file) throws IOException {
        user.requireOffice("只有提案办可以导入交办清单");
        return ResponseEntity.status(HttpStatus.CREATED).body(importer.importList(file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/template.xlsx")
    public ResponseEntity<byte[]> xlsxTemplate() {
        return download(template.xlsx(), XLSX, "交办清单模板.xlsx");
    }

    @GetMapping("/template.csv")
    public ResponseEntity<byte[]> csvTemplate() {
        return download(template.csv(), CSV, "交办清单模板.csv");
    }

    @ExceptionHandler(ImportRejectedException.class)
    ResponseEntity<ImportErrorBody> rejected(ImportRejectedException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case ALREADY_REGISTERED -> HttpStatus.CONFLICT;
            case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
        };
        return ResponseEntity.status(status).body(new ImportErrorBody(e.getMessage(), e.problems()));
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String filename) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
