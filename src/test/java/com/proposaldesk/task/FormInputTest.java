package com.proposaldesk.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.spin.Spin;
import org.junit.jupiter.api.Test;

/** How untyped Camunda Forms values become Java values, and how problems are reported. */
class FormInputTest {

    enum Decision { APPROVE, RETURN }

    private static FormInput input(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return FormInput.of(values);
    }

    @Test
    void textIsStrippedAndBlankCountsAsMissing() {
        FormInput in = input("a", "  李经办 ", "b", "   ", "c", "", "n", 42);
        assertThat(in.text("a")).isEqualTo("李经办");
        assertThat(in.text("b")).isNull();
        assertThat(in.text("c")).isNull();
        assertThat(in.text("missing")).isNull();
        assertThat(in.text("n")).isEqualTo("42");
        assertThat(in.hasProblems()).isFalse();
    }

    @Test
    void requiredAndLongTextAreProblems() {
        FormInput in = input("body", " ", "name", "张三丰", "note", "一二三四五六");
        assertThat(in.requiredText("body", "答复正文")).isNull();
        assertThat(in.requiredText("name", "联系人", 2)).isEqualTo("张三丰");
        assertThat(in.text("note", "备注", 5)).isEqualTo("一二三四五六");
        assertThat(in.text("absent", "备注", 5)).isNull();
        assertThat(in.problems()).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
                tuple("body", "答复正文不能为空"), tuple("name", "联系人不能超过 2 个字"), tuple("note", "备注不能超过 5 个字"));
    }

    @Test
    void datesAreReadFromDateAndDateTimeText() {
        FormInput in = input("date", "2023-09-28", "datetime", "2023-10-11T09:30:00.000Z", "padded", " 2024-02-29 ");
        assertThat(in.date("date", "沟通日期")).isEqualTo(LocalDate.of(2023, 9, 28));
        assertThat(in.date("datetime", "沟通日期")).isEqualTo(LocalDate.of(2023, 10, 11));
        assertThat(in.requiredDate("padded", "签收日期")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(in.date("absent", "答复日期")).isNull();
        assertThat(in.hasProblems()).isFalse();
    }

    @Test
    void textThatIsNoDateIsAProblemNamingTheField() {
        FormInput in = input("a", "2023/09/28", "b", "2023-02-30", "c", "9月28日", "d", "");
        assertThat(in.date("a", "签收日期")).isNull();
        assertThat(in.date("b", "答复日期")).isNull();
        assertThat(in.requiredDate("c", "评价日期")).isNull();
        assertThat(in.requiredDate("d", "函复日期")).isNull();
        assertThat(in.problems()).extracting(FieldProblem::field).containsExactly("a", "b", "c", "d");
        assertThat(in.problems().get(0).message()).isEqualTo("签收日期不是有效日期（格式应为 年-月-日，例如 2023-09-28）");
        assertThat(in.problems().get(1).message()).startsWith("答复日期不是有效日期");
        assertThat(in.problems().get(3).message()).isEqualTo("函复日期不能为空");
    }

    @Test
    void flagsAcceptBooleansAndTheirTextualForms() {
        FormInput in = input("t", true, "f", false, "text", "TRUE", "one", "1", "long", 1L, "zero", 0, "yes", "yes",
                "blank", "");
        assertThat(in.flag("t")).isTrue();
        assertThat(in.flag("text")).isTrue();
        assertThat(in.flag("one")).isTrue();
        assertThat(in.flag("long")).isTrue();
        assertThat(in.flag("f")).isFalse();
        assertThat(in.flag("zero")).isFalse();
        assertThat(in.flag("yes")).isFalse();
        assertThat(in.flag("blank")).isFalse();
        assertThat(in.flag("absent")).isFalse();
    }

    @Test
    void choicesMustBeOneOfTheOptions() {
        FormInput in = input("ok", " RETURN ", "wrong", "approve", "empty", "");
        assertThat(in.requiredChoice("ok", "审核意见", Decision.class)).isEqualTo(Decision.RETURN);
        assertThat(in.requiredChoice("wrong", "审核意见", Decision.class)).isNull();
        assertThat(in.requiredChoice("empty", "审核意见", Decision.class)).isNull();
        assertThat(in.choice("absent", "送达方式", Decision.class, false)).isNull();
        assertThat(in.problems()).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
                tuple("wrong", "审核意见的取值“approve”无效，可选：[APPROVE, RETURN]"), tuple("empty", "审核意见不能为空，请选择"));
    }

    @Test
    void listsComeAsCollectionsJsonArraysOrCommaSeparatedText() {
        FormInput in = input("collection", Arrays.asList("ip", null, " food ", ""),
                "spin", Spin.JSON("[\"ip\", \"equipment\"]"),
                "jsonText", "[\"drugs\", \" \", \"pricing\"]",
                "commas", "food, ip，drugs、agriculture",
                "single", "standards",
                "empty", " ",
                "emptyArray", "[]");
        assertThat(in.list("collection", "协办处室")).containsExactly("ip", "food");
        assertThat(in.list("spin", "协办处室")).containsExactly("ip", "equipment");
        assertThat(in.list("jsonText", "协办处室")).containsExactly("drugs", "pricing");
        assertThat(in.list("commas", "协办处室")).containsExactly("food", "ip", "drugs", "agriculture");
        assertThat(in.list("single", "协办处室")).containsExactly("standards");
        assertThat(in.list("empty", "协办处室")).isEmpty();
        assertThat(in.list("emptyArray", "协办处室")).isEmpty();
        assertThat(in.list("absent", "协办处室")).isEmpty();
        assertThat(in.hasProblems()).isFalse();
    }

    @Test
    void aBrokenJsonArrayIsAProblem() {
        FormInput in = input("codes", "[\"ip\", ");
        assertThat(in.list("codes", "协办处室")).isEmpty();
        assertThat(in.problems()).extracting(FieldProblem::field, FieldProblem::message)
                .containsExactly(tuple("codes", "协办处室格式不正确，应为列表"));
    }

    @Test
    void linesAreOneEntryPerNonBlankLine() {
        FormInput in = input("text", "第一条\r\n\n  第二条  \n\t\n第三条", "spin", Spin.JSON("[\"甲\", \"乙\"]"),
                "collection", List.of("王五", "赵六"), "blank", "  ");
        assertThat(in.lines("text")).containsExactly("第一条", "第二条", "第三条");
        assertThat(in.lines("spin")).containsExactly("甲", "乙");
        assertThat(in.lines("collection")).containsExactly("王五", "赵六");
        assertThat(in.lines("blank")).isEmpty();
        assertThat(in.lines("absent")).isEmpty();
        // a textarea that starts with a bracket is still text, one line
        assertThat(input("text", "[注] 见附件").lines("text")).containsExactly("[注] 见附件");
    }

    @Test
    void everyProblemIsReportedTogether() {
        FormInput in = input("contactDate", "昨天", "contactWay", "FAX", "participants", "");
        in.requiredDate("contactDate", "沟通日期");
        in.requiredChoice("contactWay", "沟通方式", Decision.class);
        in.requiredText("participants", "参与人员");
        in.problem("memberIntent", "委员的真实意图和诉求不能为空");
        assertThat(in.hasProblems()).isTrue();

        assertThatThrownBy(in::check).isInstanceOfSatisfying(TaskInputRejectedException.class, e -> {
            assertThat(e.problems()).extracting(FieldProblem::field)
                    .containsExactly("contactDate", "contactWay", "participants", "memberIntent");
            assertThat(e.getMessage()).startsWith("提交的内容有误，请修改后重新提交：沟通日期不是有效日期")
                    .contains("（字段 contactDate）；沟通方式的取值“FAX”无效", "参与人员不能为空（字段 participants）")
                    .endsWith("委员的真实意图和诉求不能为空（字段 memberIntent）。");
        });
        // the problems are a snapshot, not a view the caller could change
        assertThatThrownBy(() -> in.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCompleteFormPassesTheCheck() {
        FormInput in = input("signedOn", "2025-04-11", "objectionRequested", false);
        assertThat(in.requiredDate("signedOn", "签收日期")).isEqualTo(LocalDate.of(2025, 4, 11));
        assertThat(in.flag("objectionRequested")).isFalse();
        assertThatNoException().isThrownBy(in::check);
        assertThat(Set.copyOf(in.problems())).isEmpty();
    }
}
