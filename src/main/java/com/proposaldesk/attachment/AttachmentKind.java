package com.proposaldesk.attachment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What an attachment is, as the office files it. */
public enum AttachmentKind {
    ASSIGNMENT_SHEET("交办单"),
    EXTERNAL_OPINION("会办意见函"),
    STAMPED_REPLY("盖章答复函"),
    OTHER("其他");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The kind a client named, by code ({@code STAMPED_REPLY}) or label ({@code 盖章答复函}); {@link #OTHER} when none.
     *
     * @throws AttachmentRejectedException for a name that is neither
     */
    public static AttachmentKind parse(String name) {
        if (name == null || name.isBlank()) {
            return OTHER;
        }
        String wanted = name.strip();
        for (AttachmentKind kind : values()) {
            if (kind.name().equalsIgnoreCase(wanted) || kind.label.equals(wanted)) {
                return kind;
            }
        }
        throw AttachmentRejectedException.invalid("附件类别“" + wanted + "”不存在，可选："
                + Arrays.stream(values()).map(AttachmentKind::label).collect(Collectors.joining("、")));
    }
}
