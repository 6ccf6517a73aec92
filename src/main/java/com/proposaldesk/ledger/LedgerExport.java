package com.proposaldesk.ledger;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import com.proposaldesk.proposal.Proposal;

/** The ledger (台账) workbook of given proposals, in their order, as a download. */
@Component
public class LedgerExport {

    private final LedgerQuery query;

    LedgerExport(LedgerQuery query) {
        this.query = query;
    }

    public ResponseEntity<byte[]> download(List<Proposal> proposals, String filename) {
        return workbook(query.rowsOf(proposals), filename);
    }

    static ResponseEntity<byte[]> workbook(List<LedgerRow> rows, String filename) {
        return ResponseEntity.ok().contentType(LedgerController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(LedgerWorkbook.write(rows));
    }
}
