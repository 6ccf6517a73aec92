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
    ATTACHMENT_DELETED("删除附件"),
    MEMBER_LINKS_SENT("向委员发送链接"),
    MEMBER_LINK_OPENED("委员打开链接"),
    MEMBER_LINK_REFUSED("拒绝无效的委员链接"),
    MEMBER_DRAFT_ANSWERED("委员网上答复意见"),
    MEMBER_EVALUATED("委员网上评价"),
    MEMBER_LINK_REVOKED("撤销委员链接");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
