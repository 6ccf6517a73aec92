package com.proposaldesk.attachment;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import com.proposaldesk.calendar.BureauTime;

/** {@code pd_attachment}: the files of each proposal; the content is read only by {@link #content}. */
@Repository
public class AttachmentRepository {

    private static final String COLUMNS = "id, file_name, content_type, size_bytes, kind, description, uploaded_by, uploaded_at";

    private final JdbcTemplate jdbc;
    private final BureauTime time;

    AttachmentRepository(JdbcTemplate jdbc, BureauTime time) {
        this.jdbc = jdbc;
        this.time = time;
    }

    /** Stores the file, its content streamed into the database. */
    long insert(long proposalId, NewAttachment file, InputStream content) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO pd_attachment (proposal_id, file_name, content_type, size_bytes, kind, description, uploaded_by,
                        uploaded_at, content)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"});
            insert.setLong(1, proposalId);
            insert.setString(2, file.name());
            insert.setString(3, file.contentType());
            insert.setLong(4, file.size());
            insert.setString(5, file.kind().name());
            insert.setString(6, file.description());
            insert.setString(7, file.uploadedBy());
            insert.setTimestamp(8, Timestamp.valueOf(file.uploadedAt()));
            insert.setBinaryStream(9, content, file.size());
            return insert;
        }, keys);
        return keys.getKey().longValue();
    }

    /** Oldest first. */
    public List<Attachment> forProposal(long proposalId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pd_attachment WHERE proposal_id = ? ORDER BY id", this::map, proposalId);
    }

    Optional<Attachment> find(long proposalId, long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM pd_attachment WHERE proposal_id = ? AND id = ?", this::map, proposalId, id)
                .stream().findFirst();
    }

    /**
     * The whole content: PostgreSQL's driver reads a {@code bytea} into memory in any case, and holding the connection
     * while a slow client downloads would starve the pool. The size is capped by {@code proposal-desk.attachments.max-file-size}.
     */
    byte[] content(long id) {
        return jdbc.queryForObject("SELECT content FROM pd_attachment WHERE id = ?", (rs, row) -> rs.getBytes(1), id);
    }

    void delete(long id) {
        jdbc.update("DELETE FROM pd_attachment WHERE id = ?", id);
    }

    private Attachment map(ResultSet rs, int row) throws SQLException {
        AttachmentKind kind = AttachmentKind.valueOf(rs.getString("kind"));
        return new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getLong("size_bytes"), rs.getString("content_type"),
                kind, kind.label(), rs.getString("description"), rs.getString("uploaded_by"),
                time.ofStored(rs.getTimestamp("uploaded_at").toLocalDateTime()));
    }

    /** What is stored besides the content. */
    record NewAttachment(String name, String contentType, long size, AttachmentKind kind, String description, String uploadedBy,
            LocalDateTime uploadedAt) {
    }
}
