package com.proposaldesk.importing;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of the city's assignment list (交办清单) in template order: the Chinese header, the
 * field of {@link com.proposaldesk.registration.RegistrationRequest} it fills, and what the template says about it.
 */
enum ImportColumn {

    NUMBER("提案编号", "number", true, "市政协提案委（或市人大）交办的编号，只能由数字、字母和连字符组成", "20240001"),
    SOURCE("来源", "source", true, "政协提案 或 人大代表建议（也可填 CPPCC、NPC）", "政协提案"),
    SESSION("会议届次", "session", true, "例如 市政协七届四次会议", "市政协七届四次会议"),
    TITLE("提案标题", "title", true, "提案或建议的标题，不超过 500 字", "关于加强校园周边食品安全监管的提案"),
    LEAD_MEMBER("领衔委员", "leadMember.name", true, "领衔委员（代表）的姓名", "张三"),
    SECTOR("界别", "leadMember.sector", false, "委员所在界别，例如 教育界", "教育界"),
    PHONE("联系电话", "leadMember.phone", false, "手机或座机号码", "13800000000"),
    EMAIL("电子邮箱", "leadMember.email", false, "委员的电子邮箱", "zhangsan@example.cn"),
    DISTRICT("所在辖区", "leadMember.district", false, "委员所在的区，例如 福田区", "福田区"),
    CO_SIGNERS("联名委员", "coSigners", false, "多位委员用顿号“、”分隔", "李四、王五"),
    SUGGESTIONS("建议事项", "suggestions", true, "至少一项；每行一项（单元格内换行），或用分号“；”分隔", "加强校园周边食品经营者的日常检查；推广明厨亮灶"),
    ROLE("我局办理角色", "role", true, "承办、主办、分办 或 会办（也可填 SOLE、LEAD、SPLIT、CO_HANDLING）", "主办"),
    KEY("重点提案", "key", false, "是 或 否，不填视为否", "否"),
    ASSIGNED_ON("交办日期", "assignedOn", true, "年-月-日，例如 2024-03-15，也可以是 Excel 日期", "2024-03-15"),
    EXTERNAL_LEAD_UNIT("牵头单位", "externalLeadUnit", false, "我局会办时必填：牵头办理的单位", ""),
    EXTERNAL_CO_UNITS("会办单位", "externalCoUnits", false, "我局承办、主办或分办时，参与会办的外单位，用顿号“、”分隔；我局会办时不填", "市教育局");

    /** A hint in brackets after the header, e.g. 来源（政协提案/人大代表建议）, is allowed. */
    private static final Pattern HINT = Pattern.compile("[（(].*[）)]$");
    private static final Pattern INDEX = Pattern.compile("\\[\\d+]$");

    private final String header;
    private final String field;
    private final boolean required;
    private final String explanation;
    private final String sample;

    ImportColumn(String header, String field, boolean required, String explanation, String sample) {
        this.header = header;
        this.field = field;
        this.required = required;
        this.explanation = explanation;
        this.sample = sample;
    }

    String header() {
        return header;
    }

    String field() {
        return field;
    }

    boolean required() {
        return required;
    }

    String explanation() {
        return explanation;
    }

    String sample() {
        return sample;
    }

    static Optional<ImportColumn> byHeader(String text) {
        String name = HINT.matcher(text.strip()).replaceFirst("").strip();
        return Arrays.stream(values()).filter(column -> column.header.equals(name)).findFirst();
    }

    /** The column a validation problem belongs to, from the field the validator names (e.g. {@code coSigners[1]}). */
    static Optional<ImportColumn> byField(String field) {
        String name = INDEX.matcher(field).replaceFirst("");
        if (name.equals("leadMember")) {
            return Optional.of(LEAD_MEMBER);
        }
        return Arrays.stream(values()).filter(column -> column.field.equals(name)).findFirst();
    }
}
