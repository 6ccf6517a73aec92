package com.proposaldesk.casefile;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import com.proposaldesk.calendar.BureauTime;

/** {@code GET /api/proposals/{number}/case-file}: the case file as JSON, every moment with the bureau's offset. */
@RestController
public class CaseFileController {

    private final CaseFileService caseFiles;
    private final ObjectMapper json;

    public CaseFileController(CaseFileService caseFiles, BureauTime time, ObjectMapper json) {
        this.caseFiles = caseFiles;
        this.json = time.json(json);
    }

    @GetMapping("/api/proposals/{number}/case-file")
    public ResponseEntity<byte[]> caseFile(@PathVariable String number) throws JsonProcessingException {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(caseFiles.of(number)));
    }
}
