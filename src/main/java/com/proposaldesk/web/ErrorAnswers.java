package com.proposaldesk.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * What Spring's error handling ({@code /error}) shows for anything our handlers do not answer themselves (unknown
 * paths, failures in filters): a Chinese message chosen by status, never an exception's class, message or trace. Browsers
 * get {@code templates/error.html}, other clients JSON in our API's error format.
 */
@Component
public class ErrorAnswers extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> defaults = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        int status = defaults.get("status") instanceof Integer code ? code : 500;
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("timestamp", defaults.get("timestamp"));
        answer.put("status", status);
        answer.put("error", title(status));
        answer.put("message", message(status));
        answer.put("errors", List.of());
        answer.put("path", defaults.get("path"));
        return answer;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "需要登录";
            case 403 -> "没有权限";
            case 404 -> "页面不存在";
            case 405 -> "请求方式不支持";
            case 413 -> "请求内容过大";
            case 415 -> "内容格式不支持";
            default -> status >= 500 ? "系统内部错误" : "请求未能完成";
        };
    }

    static String message(int status) {
        return switch (status) {
            case 400 -> "请求有误，请检查填写的内容后重试";
            case 401 -> "请先登录（用户名和密码与 Tasklist 相同）";
            case 403 -> "您没有权限访问此页面或执行此操作";
            case 404 -> "您访问的页面或数据不存在，请检查地址是否正确";
            case 405 -> "不支持这种请求方式";
            case 413 -> "请求内容过大，未予受理";
            case 415 -> "不支持这种内容格式，请以 application/json 格式提交";
            default -> status >= 500 ? "系统内部错误，请稍后重试；如果问题持续，请联系管理员" : "请求未能完成（HTTP " + status + "）";
        };
    }
}
