package com.proposaldesk.web;

import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI description of {@code /api}, served at {@code /v3/api-docs} behind the API's login: springdoc reads the
 * controllers; this adds the title, HTTP Basic and a Chinese summary per operation. An operation missing here is still
 * described, without a summary.
 */
@Configuration
public class OpenApiDescription {

    private static final String BASIC = "basic";

    /** {@code "<METHOD> <path>"} → summary. */
    private static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("POST /api/proposals", "登记提案并启动办理流程"),
            Map.entry("GET /api/proposals", "提案列表"),
            Map.entry("GET /api/proposals/{number}", "提案详情（办理进度、期限）"),
            Map.entry("POST /api/proposals/import", "导入交办清单（xlsx / csv）"),
            Map.entry("GET /api/proposals/import/template.xlsx", "下载交办清单模板（xlsx）"),
            Map.entry("GET /api/proposals/import/template.csv", "下载交办清单模板（csv）"),
            Map.entry("GET /api/proposals/{number}/reply-letter.docx", "下载答复函（docx）"),
            Map.entry("GET /api/members", "委员列表"),
            Map.entry("POST /api/members", "新增委员"),
            Map.entry("GET /api/members/{id}", "委员详情"),
            Map.entry("PUT /api/members/{id}", "修改委员信息"),
            Map.entry("GET /api/members/coverage", "委员联络覆盖情况（按年度）"),
            Map.entry("GET /api/members/{memberId}/communications", "委员沟通记录"),
            Map.entry("POST /api/members/{memberId}/communications", "登记日常联络记录"),
            Map.entry("GET /api/board", "挂图作战进度板"),
            Map.entry("GET /api/mails", "邮件发送记录（发件箱）"),
            Map.entry("POST /api/tasks/{taskId}/urge", "催办任务"),
            Map.entry("GET /api/reports/annual", "年度办理工作总结（数据）"),
            Map.entry("GET /api/reports/annual.docx", "年度办理工作总结（docx 初稿）"),
            Map.entry("PUT /api/reports/typical-cases/{number}", "标记典型案例"),
            Map.entry("GET /api/audit", "操作记录"),
            Map.entry("GET /api/ledger.xlsx", "导出办理台账（xlsx）"),
            Map.entry("GET /api/calendar/add-working-days", "计算若干工作日后的日期"),
            Map.entry("GET /api/calendar/working-day", "查询某日是否为工作日"));

    @Bean
    OpenApiCustomizer proposalDeskApi() {
        return api -> {
            api.info(new Info().title("提案办理台 API").version("v1")
                    .description("提案办理台的业务接口。用户名和密码与 Tasklist 相同（HTTP Basic）；错误以中文说明返回。"));
            api.components((api.getComponents() == null ? new Components() : api.getComponents())
                    .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
            api.addSecurityItem(new SecurityRequirement().addList(BASIC));
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> summarise(method, path, operation)));
            }
        };
    }

    private static void summarise(PathItem.HttpMethod method, String path, Operation operation) {
        String summary = SUMMARIES.get(method + " " + path);
        if (summary != null && operation.getSummary() == null) {
            operation.setSummary(summary);
        }
    }
}
