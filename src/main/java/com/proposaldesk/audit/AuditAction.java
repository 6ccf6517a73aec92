package com.proposaldesk.audit;

/** What a user changed through our API, as the audit trail names it. */
public enum AuditAction {

    PROPOSAL_REGISTERED("登记提案"),
    ASSIGNMENT_LIST_IMPORTED("导入交办清单"),
    TYPICAL_CASE_CHOSEN("选定典型案例"),
    TASK_URGED("催办"),
    MEMBER_CREATED("新增委员"),
    MEMBER_UPDATED("修改委员信息"),
    LIAISON_RECORDED("记录委员联络"),
    ATTACHMENT_UPLOADED("上传附件"),
    ATTACHMENT_DELETED("删除附件");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
