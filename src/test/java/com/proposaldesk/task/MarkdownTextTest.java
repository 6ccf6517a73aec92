package com.proposaldesk.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.proposaldesk.support.FormMarkdown;

class MarkdownTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "关于<a href=\"https://evil.example/login\">点此核对</a>的提案",
            "<img src=\"https://evil.example/x.png\" onerror=\"alert(1)\">",
            "[官方通知](https://evil.example/phish) 与 ![图](https://evil.example/x.png)",
            "[引用][1]\n\n[1]: https://evil.example",
            "<https://evil.example> 和 <script>alert('x')</script>",
            "# 标题\n- 列表\n1. 编号\n> 引用\n    缩进代码\n---\n**粗体** _斜体_ ~~删除~~ `代码` | 表格 |",
            "&lt;a href=x&gt; &amp; &#60;b&#62; \\<i>反斜杠\\",
            "{{proposalSummary}} ${title} 第1.2项，电话 022-23456789"})
    void userTextRendersAsTheTextItselfWithoutAnyMarkup(String typed) {
        String html = FormMarkdown.html(MarkdownText.literal(typed));

        assertThat(html).doesNotContain("<a ", "<img", "<script", "<h1", "<li", "<blockquote", "<code", "<strong", "<em",
                "<hr", "<table", "<i>");
        assertThat(FormMarkdown.visibleText(html)).isEqualTo(FormMarkdown.normalized(typed.replaceAll("(?m)^[ \\t]+", "")));
    }

    /** Tasklist's markdown (marked, GitHub-flavoured) links bare addresses: ://, www. and @ must never stand bare. */
    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/phish", "访问 www.evil.example 领取", "联系 admin@evil.example"})
    void bareAddressesAreNotLeftForAutolinking(String typed) {
        String markdown = MarkdownText.literal(typed);

        assertThat(markdown).doesNotContainPattern("(?<!\\\\)://").doesNotContainPattern("www(?!\\\\)\\.")
                .doesNotContainPattern("(?<!\\\\)@");
    }

    @ParameterizedTest
    @ValueSource(strings = {"第一行\n第二行", "第一行\r\n第二行"})
    void lineBreaksStay(String typed) {
        assertThat(MarkdownText.literal(typed)).isEqualTo("第一行\n第二行");
    }
}
