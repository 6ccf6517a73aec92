package com.proposaldesk.letter;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.proposaldesk.process.EngineClock;

/** The letters as signed: number and both files, kept so that a later template change does not alter a sent letter. */
@Repository
class SignedLetters {

    private final JdbcClient jdbc;
    private final EngineClock clock;

    SignedLetters(JdbcClient jdbc, EngineClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void store(long replyId, long proposalId, int year, int numberInYear, String signedBy, LocalDate signedOn,
            RenderedLetter letter) {
        jdbc.sql("""
                INSERT INTO pd_reply_letter (reply_id, proposal_id, number_year, number_in_year, document_number, signed_by,
                       signed_on, docx_name, docx, pdf_name, pdf, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(replyId, proposalId, year, numberInYear, letter.documentNumber(), signedBy, Date.valueOf(signedOn),
                        letter.docx().filename(), letter.docx().content(), letter.pdf().filename(), letter.pdf().content(),
                        Timestamp.valueOf(clock.localNow()))
                .update();
    }

    Optional<RenderedLetter> find(long replyId) {
        return jdbc.sql("SELECT document_number, docx_name, docx, pdf_name, pdf FROM pd_reply_letter WHERE reply_id = ?")
                .param(replyId)
                .query((rs, row) -> new RenderedLetter(rs.getString("document_number"),
                        new LetterFile(rs.getString("docx_name"), rs.getBytes("docx")),
                        new LetterFile(rs.getString("pdf_name"), rs.getBytes("pdf"))))
                .optional();
    }
}
