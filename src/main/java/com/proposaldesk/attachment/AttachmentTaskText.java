package com.proposaldesk.attachment;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.proposaldesk.calendar.BureauTime;
import com.proposaldesk.proposal.ProposalRepository;
import com.proposaldesk.task.CaseAttachments;
import com.proposaldesk.task.MarkdownText;

/**
 * The attachments in task forms ({@code {{attachmentList}}}, e.g. in 签收, 分派, 登记外单位会办意见, 正式答复): a list with
 * download links, written on the process instance when its first task is created and again on every upload and
 * deletion, so that an open task shows the file uploaded after it was created. File names and descriptions show as typed ({@link MarkdownText}).
 */
@Component
class AttachmentTaskText implements CaseAttachments {

    private final ProposalRepository proposals;
    private final AttachmentRepository attachments;
    private final ObjectProvider<TaskService> tasks;
    private final ObjectProvider<RuntimeService> runtime;
    private final ObjectProvider<IdentityService> identity;
    private final BureauTime time;

    /** The engine's services are looked up when used: the engine's own start needs this bean (the task listener). */
    AttachmentTaskText(ProposalRepository proposals, AttachmentRepository attachments, ObjectProvider<TaskService> tasks,
            ObjectProvider<RuntimeService> runtime, ObjectProvider<IdentityService> identity, BureauTime time) {
        this.runtime = runtime;
        this.time = time;
        this.proposals = proposals;
        this.attachments = attachments;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Override
    public String markdown(String proposalNumber) {
        List<Attachment> files = proposals.find(proposalNumber).map(p -> attachments.forProposal(p.id())).orElse(List.of());
        if (files.isEmpty()) {
            return "**附件：** 暂无。可在案卷页面上传交办单、会办意见函、盖章答复函等。";
        }
        StringBuilder md = new StringBuilder("**附件**（点击文件名下载）：\n");
        for (Attachment file : files) {
            md.append("\n- ").append(file.kindLabel()).append("：[").append(MarkdownText.literal(file.name())).append("](")
                    .append(file.download(proposalNumber)).append(")（").append(MarkdownText.literal(file.sizeLabel()))
                    .append("，").append(MarkdownText.literal(file.uploadedBy())).append(" 于 ")
                    .append(MarkdownText.literal(time.format(file.uploadedAt()))).append(" 上传）");
            if (file.description() != null) {
                md.append("　").append(MarkdownText.literal(file.description()));
            }
        }
        return md.toString();
    }

    /**
     * Writes the list again on every running process of the proposal, where its tasks' forms read it, and on an open task
     * that still holds a list of its own (created before the list moved to the process). As the application, not as the
     * user: the uploader may not work those tasks (a department's upload shows in the office's task), and the audit trail
     * has the upload itself.
     */
    void refresh(String proposalNumber) {
        String text = markdown(proposalNumber);
        IdentityService identityService = identity.getObject();
        Authentication user = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            RuntimeService runtimeService = runtime.getObject();
            for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(proposalNumber).list()) {
                runtimeService.setVariableLocal(instance.getId(), VARIABLE, text);
            }
            TaskService taskService = tasks.getObject();
            for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(proposalNumber).list()) {
                if (taskService.getVariableLocal(task.getId(), VARIABLE) != null) {
                    taskService.setVariableLocal(task.getId(), VARIABLE, text);
                }
            }
        } finally {
            if (user != null) {
                identityService.setAuthentication(user);
            }
        }
    }
}
