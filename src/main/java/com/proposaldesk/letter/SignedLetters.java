package com.proposaldesk.letter;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/**
 * The letters as signed: number, signer and date, stored with the signature, and both files, stored once made, so that
 * a later template change does not alter a sent letter.
 */
@Repository
class SignedLetters {

    /** A signed letter; its files are null until they have been made. */
    record Signed(String documentNumber, String signedBy, LocalDate signedOn, RenderedLetter files) {
    }

    private final JdbcClient jdbc;
    private final EngineClock clock;

    SignedLetters(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void store(long replyId, long proposalId, int year, int numberInYear, String documentNumber, String signedBy,
            LocalDate signedOn) {
        jdbc.sql("""
                INSERT INTO pd_reply_letter (reply_id, proposal_id, number_year, number_in_year, document_number, signed_by,
                       signed_on, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(replyId, proposalId, year, numberInYear, documentNumber, signedBy, Date.valueOf(signedOn),
                        Timestamp.valueOf(clock.localNow()))
                .update();
    }

    /** Stores the files of a signed letter that has none yet; files made at the same time elsewhere are kept. */
    void storeFiles(long replyId, RenderedLetter letter) {
        jdbc.sql("UPDATE pd_reply_letter SET docx_name = ?, docx = ?, pdf_name = ?, pdf = ? WHERE reply_id = ? AND pdf IS NULL")
                .params(letter.docx().filename(), letter.docx().content(), letter.pdf().filename(), letter.pdf().content(),
                        replyId)
                .update();
    }

    Optional<Signed> find(long replyId) {
        return jdbc.sql("""
                SELECT document_number, signed_by, signed_on, docx_name, docx, pdf_name, pdf FROM pd_reply_letter
                WHERE reply_id = ?""")
                .param(replyId)
                .query((rs, row) -> {
                    String documentNumber = rs.getString("document_number");
                    byte[] pdf = rs.getBytes("pdf");
                    return new Signed(documentNumber, rs.getString("signed_by"), rs.getDate("signed_on").toLocalDate(),
                            pdf == null ? null : new RenderedLetter(documentNumber,
                                    new LetterFile(rs.getString("docx_name"), rs.getBytes("docx")),
                                    new LetterFile(rs.getString("pdf_name"), pdf)));
                })
                .optional();
    }
}
