package com.proposaldesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import com.proposaldesk.audit.AuditAction;
import com.proposaldesk.audit.AuditTrail;
import com.proposaldesk.process.EngineClock;
import com.proposaldesk.proposal.Proposal;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.security.CurrentUser;
import com.proposaldesk.security.ForbiddenException;
import com.proposaldesk.security.ProposalAccess;
import com.proposaldesk.web.NotFoundException;

/**
 * A proposal's attachments, for whoever may see the proposal ({@link ProposalAccess}): they list, download and
 * upload; the uploader or the office deletes, while the proposal is open. Once the proposal is finished only the office
 * adds files (a scan that came late), and nobody removes one.
 */
@Service
public class AttachmentService {

    static final int MAX_NAME = 255;
    static final int MAX_DESCRIPTION = 500;

    private final AttachmentRepository attachments;
    private final ProposalRepository proposals;
    private final ProposalAccess access;
    private final CurrentUser user;
    private final AttachmentTypes types;
    private final AttachmentProperties limits;
    private final AuditTrail audit;
    private final EngineClock clock;
    private final AttachmentTaskText taskText;

    AttachmentService(AttachmentRepository attachments, ProposalRepository proposals, ProposalAccess access, CurrentUser user,
            AttachmentTypes types, AttachmentProperties limits, AuditTrail audit, EngineClock clock, AttachmentTaskText taskText) {
        this.attachments = attachments;
        this.proposals = proposals;
        this.access = access;
        this.user = user;
        this.types = types;
        this.limits = limits;
        this.audit = audit;
        this.clock = clock;
        this.taskText = taskText;
    }

    public List<Attachment> list(String number) {
        return attachments.forProposal(visible(number).id());
    }

    /** A file with its content, for download. */
    public record Download(Attachment attachment, byte[] content) {
    }

    public Download download(String number, long id) {
        Proposal proposal = visible(number);
        Attachment attachment = find(proposal, id);
        return new Download(attachment, attachments.content(id));
    }

    /**
     * @throws AttachmentRejectedException with 400 (no file, bad name or kind), 409 (finished proposal), 413 (too large)
     *         or 415 (type not allowed)
     */
    @Transactional
    public Attachment upload(String number, MultipartFile file, String kind, String description) throws IOException {
        Proposal proposal = visible(number);
        if (proposal.status().isFinished() && !isOffice()) {
            throw new AttachmentRejectedException(HttpStatus.CONFLICT,
                    "提案 " + number + " " + proposal.status().label() + "，只有提案办可以再补充附件");
        }
        if (file == null || file.isEmpty()) {
            throw AttachmentRejectedException.invalid("请选择要上传的文件（以 multipart/form-data 提交，字段名 file），文件不能为空");
        }
        if (file.getSize() > limits.maxFileSize().toBytes()) {
            throw new AttachmentRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, tooLargeMessage());
        }
        String name = name(file.getOriginalFilename());
        AttachmentKind attachmentKind = AttachmentKind.parse(kind);
        String note = description == null || description.isBlank() ? null : description.strip();
        if (note != null && note.length() > MAX_DESCRIPTION) {
            throw AttachmentRejectedException.invalid("附件说明不能超过 " + MAX_DESCRIPTION + " 个字");
        }
        String contentType = types.detect(file, name);
        AttachmentRepository.NewAttachment stored = new AttachmentRepository.NewAttachment(name, contentType, file.getSize(),
                attachmentKind, note, user.id(), clock.localNow().truncatedTo(ChronoUnit.SECONDS));
        long id;
        try (InputStream content = file.getInputStream()) {
            id = attachments.insert(proposal.id(), stored, content);
        }
        audit.record(AuditAction.ATTACHMENT_UPLOADED, number, name,
                attachmentKind.label() + "，" + file.getSize() + " 字节，" + contentType + (note == null ? "" : "；" + note));
        taskText.refresh(number);
        return attachments.find(proposal.id(), id).orElseThrow();
    }

    /**
     * @throws ForbiddenException unless the user uploaded the file or works for the office
     * @throws AttachmentRejectedException (409) once the proposal is finished
     */
    @Transactional
    public void delete(String number, long id) {
        Proposal proposal = visible(number);
        Attachment attachment = find(proposal, id);
        if (!mayDelete(proposal, attachment)) {
            if (proposal.status().isFinished()) {
                throw new AttachmentRejectedException(HttpStatus.CONFLICT,
                        "提案 " + number + " " + proposal.status().label() + "，附件随案卷归档，不能再删除");
            }
            throw new ForbiddenException("只有上传人（" + attachment.uploadedBy() + "）或提案办可以删除附件“" + attachment.name() + "”");
        }
        attachments.delete(id);
        audit.record(AuditAction.ATTACHMENT_DELETED, number, attachment.name(),
                attachment.kindLabel() + "，" + attachment.size() + " 字节，" + attachment.uploadedBy() + " 上传于 "
                        + attachment.uploadedAt().toLocalDateTime());
        taskText.refresh(number);
    }

    /** What the current user may do with the proposal's files now, for the case file page. */
    public record Rights(boolean mayUpload, Set<Long> deletable) {

        public boolean mayDelete(Attachment attachment) {
            return deletable.contains(attachment.id());
        }
    }

    public Rights rights(String number) {
        Proposal proposal = visible(number);
        Set<Long> deletable = new HashSet<>();
        for (Attachment attachment : attachments.forProposal(proposal.id())) {
            if (mayDelete(proposal, attachment)) {
                deletable.add(attachment.id());
            }
        }
        return new Rights(mayUpload(proposal), deletable);
    }

    /** Whether the current user may add a file to this (visible) proposal now. */
    public boolean mayUpload(Proposal proposal) {
        return !proposal.status().isFinished() || isOffice();
    }

    /** Whether the current user may delete this attachment of this (visible) proposal now. */
    public boolean mayDelete(Proposal proposal, Attachment attachment) {
        if (proposal.status().isFinished()) {
            return false;
        }
        return isOffice() || (user.id() != null && user.id().equals(attachment.uploadedBy()));
    }

    /** Why a file over the limit was refused. */
    public String tooLargeMessage() {
        return "文件超过 " + limits.describeMaxFileSize() + " 的上限，请压缩或拆分后再上传";
    }

    private boolean isOffice() {
        return user.isMemberOf(CurrentUser.OFFICE_GROUP) || user.isMemberOf(Groups.CAMUNDA_ADMIN);
    }

    private Proposal visible(String number) {
        Proposal proposal = proposals.get(number);
        access.requireVisible(number, proposal.leadDepartment(), proposal.assistingDepartments());
        return proposal;
    }

    private Attachment find(Proposal proposal, long id) {
        return attachments.find(proposal.id(), id)
                .orElseThrow(() -> new NotFoundException("提案 " + proposal.number() + " 没有编号为 " + id + " 的附件"));
    }

    /** The name without a folder (some browsers send the whole path), without control characters. */
    static String name(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            throw AttachmentRejectedException.invalid("文件没有名称，请给文件起名后再上传");
        }
        if (name.length() > MAX_NAME) {
            throw AttachmentRejectedException.invalid("文件名不能超过 " + MAX_NAME + " 个字符：" + name.substring(0, 40) + "…");
        }
        return name;
    }
}
