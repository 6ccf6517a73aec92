package com.proposaldesk.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.proposaldesk.support.FormMarkdown;

/** What a reviewer reads of a correction, rendered as Tasklist renders a form's text. */
class DraftDiffTest {

    @Test
    void aChineseCorrectionIsMarkedCharacterByCharacterInsideItsParagraph() {
        String diff = DraftDiff.markdown("我局已建立校园周边食品经营者台账。", "我局已建立全市校园周边餐饮经营者台账。");

        assertThat(diff).isEqualTo("我局已建立［**新增：全市**］校园周边［*删除：食品*］［**新增：餐饮**］经营者台账。");
        assertThat(FormMarkdown.html(diff)).contains("<strong>新增：全市</strong>", "<em>删除：食品</em>",
                "<strong>新增：餐饮</strong>");
    }

    @Test
    void onlyChangedParagraphsAreShownAndTheUnchangedOnesCounted() {
        String before = "一、建立台账。\n二、联合检查。\n三、公开结果。\n四、长效机制。";
        String after = "一、建立台账。\n二、每季度联合检查。\n三、公开结果。\n四、长效机制。\n五、委员回访。";

        assertThat(DraftDiff.markdown(before, after)).isEqualTo(String.join("\n\n",
                "（前 1 段未改动）",
                "二、［**新增：每季度**］联合检查。",
                "（中间 2 段未改动）",
                "［**新增：五、委员回访。**］"));
        assertThat(DraftDiff.markdown(before, "一、建立台账。\n三、公开结果。\n四、长效机制。")).isEqualTo(String.join("\n\n",
                "（前 1 段未改动）", "［*删除：二、联合检查。*］", "（后 2 段未改动）"));
    }

    @Test
    void latinWordsAndNumbersChangeAsWholes() {
        assertThat(DraftDiff.markdown("2024 年底前完成 App 建设", "2025 年底前完成 WeChat 建设"))
                .isEqualTo("［*删除：2024*］［**新增：2025**］ 年底前完成 ［*删除：App*］［**新增：WeChat**］ 建设");
    }

    @Test
    void sameTextAndLineEndingsOrBlankLinesAloneAreNoChange() {
        assertThat(DraftDiff.markdown("第一段。\n第二段。", "第一段。\r\n\r\n第二段。  ")).isEmpty();
    }

    @Test
    void markupTypedIntoTheDraftStaysTextInTheDiff() {
        String diff = DraftDiff.markdown("详见网站。", "详见[网站](https://evil.example)<img src=x onerror=alert(1)>。");
        String html = FormMarkdown.html(diff);

        assertThat(html).doesNotContain("<a ", "<img");
        assertThat(FormMarkdown.visibleText(html))
                .isEqualTo("详见［ 新增：[ ］网站［ 新增：](https://evil.example)<img src=x onerror=alert(1)> ］。");
    }
}
