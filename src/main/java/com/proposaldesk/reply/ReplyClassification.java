package com.proposaldesk.reply;

/** The classification of a reply (答复类别); the letters are the CPPCC's common scheme. */
public enum ReplyClassification {
    A("已经解决或采纳"), B("正在解决或列入计划"), C("因条件限制暂不能解决"), D("留作参考");

    private final String label;

    ReplyClassification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
