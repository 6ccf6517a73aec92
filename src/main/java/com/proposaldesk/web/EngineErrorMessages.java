package com.proposaldesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;

import jakarta.ws.rs.WebApplicationException;

/**
 * What the engine's REST API answers, told in Chinese: the status the engine chose (or, where it answers bad input with
 * 500, the 4xx it should have chosen), a type without class names, and a message for the user. The engine's English
 * messages are matched by what they say; a message no rule knows gets a Chinese sentence for its status and the resource
 * named by the path. Nothing here names a Java class.
 */
public final class EngineErrorMessages {

    /** The answer to give: status, the error format's {@code type}, and the Chinese message. */
    public record Answer(int status, String type, String message) {
    }

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    /** A word of a Java class or package in a message ("java.util.Date", "NullValueException", "org.camunda..."). */
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Za-z_][\\w$]*\\b|\\b\\w*(?:Exception|Error)\\b");
    private static final Pattern ENGINE_CODE = Pattern.compile("\\bENGINE-\\d+\\s*");
    private static final Pattern PLAIN_ID = Pattern.compile("[\\w.:-]{1,64}");

    private static final Pattern NOT_FOUND = Pattern.compile(
            "(?i)does not exist|doesn'?t exist|do not exist|not found|no matching|cannot find|could not find"
                    + "|\\bno (?:deployed )?[\\w -]{1,40}? found\\b|found no\\b");
    private static final Pattern MISSING = Pattern.compile("(?i)\\b(\\w+) (?:is|are) (null|empty)\\b");
    private static final Pattern ONE_OF = Pattern.compile("(?i)must specify (?:at least )?one of (\\w+) (?:or|and) (\\w+)");

    /** Resources of the engine's REST API, by the first segment(s) of their path. */
    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("process-instance", "流程实例"), Map.entry("history/process-instance", "历史流程实例"),
            Map.entry("task", "任务"), Map.entry("history/task", "历史任务"), Map.entry("job", "作业"),
            Map.entry("history/job-log", "作业日志"), Map.entry("job-definition", "作业定义"),
            Map.entry("execution", "执行实例"), Map.entry("process-definition", "流程定义"), Map.entry("deployment", "部署"),
            Map.entry("decision-definition", "决策定义"), Map.entry("decision-requirements-definition", "决策需求定义"),
            Map.entry("history/decision-instance", "历史决策实例"), Map.entry("case-definition", "案例定义"),
            Map.entry("case-instance", "案例实例"), Map.entry("case-execution", "案例执行"), Map.entry("user", "用户"),
            Map.entry("group", "用户组"), Map.entry("tenant", "租户"), Map.entry("incident", "故障事件"),
            Map.entry("history/incident", "历史故障事件"), Map.entry("batch", "批处理"), Map.entry("history/batch", "历史批处理"),
            Map.entry("filter", "过滤器"), Map.entry("authorization", "授权"), Map.entry("variable-instance", "变量"),
            Map.entry("history/variable-instance", "历史变量"), Map.entry("history/activity-instance", "历史活动实例"),
            Map.entry("external-task", "外部任务"), Map.entry("message", "消息"), Map.entry("signal", "信号"),
            Map.entry("migration", "迁移计划"), Map.entry("modification", "流程修改"), Map.entry("event-subscription", "事件订阅"),
            Map.entry("telemetry", "遥测"), Map.entry("schema", "数据库结构"), Map.entry("metrics", "度量"));

    /** Words after the resource that are not ids. */
    private static final List<String> NOT_IDS = List.of("count", "create", "delete", "suspended", "retries", "variables",
            "submit-form", "complete", "history", "statistics", "duedate", "evaluate", "start");

    /** Engine messages that say what was wrong with the request; the first that matches tells it in Chinese. */
    private static final List<Rule> RULES = List.of(
            rule("(?i)Cannot correlate a message with name '([^']*)' to a single (?:execution|process definition)",
                    m -> "消息“" + m.group(1) + "”同时匹配多个正在等待的流程，无法确定应由哪一个接收；请补充关联条件（如流程实例或业务键）"),
            rule("(?i)Cannot correlate (?:a )?message (?:with name )?'([^']*)'",
                    m -> "消息“" + m.group(1) + "”无法关联：没有正在等待该消息的流程，也没有以它启动的流程"),
            rule("(?i)Cannot set query parameter '([^']*)' to value '([^']*)'",
                    m -> "查询参数 " + m.group(1) + " 的值“" + m.group(2) + "”无效"),
            rule("(?i)variable '?([\\w.-]+)'?:? .*Cannot convert value '([^']*)' of type '([^']*)'",
                    m -> "变量 " + m.group(1) + " 的值“" + m.group(2) + "”不能转换为 " + m.group(3) + " 类型"),
            rule("(?i)Cannot convert value '([^']*)' of type '([^']*)'",
                    m -> "值“" + m.group(1) + "”不能转换为 " + m.group(2) + " 类型"),
            rule("(?i)Unsupported value type '([^']*)'", m -> "不支持变量类型 " + m.group(1)),
            rule(ONE_OF.pattern(), m -> "请至少提供 " + m.group(1) + " 或 " + m.group(2) + " 其中之一"),
            rule("(?i)No message name (?:supplied|given)", m -> "缺少消息名称（messageName）"),
            rule("(?i)No signal name (?:supplied|given)", m -> "缺少信号名称（name）"),
            rule("(?i)is suspended", m -> "流程实例或任务已挂起，暂时不能办理"),
            rule("(?i)retries (?:is )?negative|retries.*must be", m -> "重试次数不能为负数"));

    private EngineErrorMessages() {
    }

    /**
     * The answer to a failed request of the engine's REST API.
     *
     * @param path the request's path below the REST API ({@code process-instance/1}, or the webapps'
     *            {@code engine/default/process-instance/1})
     * @param admin whether the user administers the system: a message no rule knows then carries the engine's own words,
     *            without class names
     */
    public static Answer answer(Throwable exception, String path, boolean admin) {
        int status = status(exception);
        String message = message(exception, status, path, admin);
        return new Answer(status, type(status), message);
    }

    /**
     * The status to answer with: the engine's, except where it answers the caller's mistake with 500 (a missing
     * argument, an unknown id, a task claimed by someone else) or a client error with Jersey's 404 for an unreadable
     * query parameter.
     */
    static int status(Throwable exception) {
        if (exception instanceof ParamException param && param.getParameterType() != jakarta.ws.rs.PathParam.class) {
            return 400;
        }
        int engine = ExceptionHandlerHelper.getInstance().getStatus(exception).getStatusCode();
        if (engine < 500) {
            return engine;
        }
        if (ExceptionUtils.throwableOfType(exception, TaskAlreadyClaimedException.class) != null
                || ExceptionUtils.throwableOfType(exception, OptimisticLockingException.class) != null) {
            return 409;
        }
        if (isInputFault(exception)) {
            return NOT_FOUND.matcher(text(exception)).find() ? 404 : 400;
        }
        return engine;
    }

    /**
     * The engine refused the request itself, for what the caller sent (a missing or unknown argument), as opposed to a
     * failure of our code, the database or a bug: every exception in the chain is the engine's or its REST API's, and
     * the innermost one says what was missing or not found.
     */
    public static boolean isInputFault(Throwable exception) {
        Throwable root = exception;
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (!(t instanceof ProcessEngineException) && !(t instanceof RestException)) {
                return false;
            }
            root = t;
        }
        if (root instanceof NullValueException || root instanceof BadUserRequestException
                || root instanceof MismatchingMessageCorrelationException) {
            return true;
        }
        String text = root.getMessage() == null ? "" : root.getMessage();
        return (root.getClass() == ProcessEngineException.class || root instanceof RestException)
                && (NOT_FOUND.matcher(text).find() || MISSING.matcher(text).find() || ONE_OF.matcher(text).find());
    }

    static String message(Throwable exception, int status, String path, boolean admin) {
        String text = text(exception);
        if (CJK.matcher(text).find() && !CLASS_NAME.matcher(text).find()) {
            return text;
        }
        Resource resource = Resource.of(path);
        TaskAlreadyClaimedException claimed = ExceptionUtils.throwableOfType(exception, TaskAlreadyClaimedException.class);
        if (claimed != null) {
            return "该任务已被 " + claimed.getTaskAssignee() + " 认领，请刷新待办列表";
        }
        if (ExceptionUtils.throwableOfType(exception, OptimisticLockingException.class) != null) {
            return "数据刚被他人同时修改，请刷新后重试";
        }
        if (ExceptionUtils.throwableOfType(exception, SuspendedEntityInteractionException.class) != null) {
            return "流程实例或任务已挂起，暂时不能办理";
        }
        if (ExceptionUtils.throwableOfType(exception, ParseException.class) != null) {
            return "流程模型有误，无法部署；details 中列出了每个问题的位置";
        }
        if (exception instanceof ParamException param) {
            return "参数 " + param.getParameterName() + " 的值无效";
        }
        if (exception instanceof WebApplicationException) {
            return status == 404 ? "请求的接口不存在，请检查地址" : ErrorAnswers.message(status);
        }
        for (Rule rule : RULES) {
            Optional<String> said = rule.tell(text);
            if (said.isPresent()) {
                return said.get();
            }
        }
        if (status == 404 || NOT_FOUND.matcher(text).find()) {
            return resource.notFound();
        }
        Matcher missing = MISSING.matcher(text);
        if (missing.find() && status < 500) {
            return ("null".equalsIgnoreCase(missing.group(2)) ? "缺少必填参数 " : "参数不能为空：") + missing.group(1);
        }
        String generic = switch (status) {
            case 400 -> "请求有误，请检查提交的参数后重试";
            case 409 -> "数据刚被他人同时修改，请刷新后重试";
            default -> ErrorAnswers.message(status);
        };
        String detail = admin ? withoutClassNames(text) : "";
        return detail.isBlank() ? generic : generic + "（引擎原文：" + detail + "）";
    }

    /** The error format's {@code type}: what kind of refusal, never a class name. */
    static String type(int status) {
        return switch (status) {
            case 400 -> "InvalidRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 413 -> "PayloadTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 503 -> "ServiceUnavailable";
            default -> status >= 500 ? "ServerError" : "ClientError";
        };
    }

    /** The engine's words for an administrator: no class or package names, no engine message codes. */
    static String withoutClassNames(String text) {
        String plain = ENGINE_CODE.matcher(text).replaceAll("");
        plain = CLASS_NAME.matcher(plain).replaceAll("").replaceAll("\\(\\s*\\)|\\[\\s*\\]", "")
                .replaceAll("\\s*:\\s*:", ":").replaceAll("\\s{2,}", " ").strip();
        plain = plain.replaceAll("^[:;,.\\s]+|[:;,\\s]+$", "");
        return plain.length() > 300 ? plain.substring(0, 300) + "…" : plain;
    }

    /** The messages of the chain, outermost first, each once. A REST wrapper's message often repeats its cause's. */
    private static String text(Throwable exception) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && messages.stream().noneMatch(known -> known.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(" / ", messages);
    }

    private record Rule(Pattern pattern, Function<Matcher, String> tell) {

        Optional<String> tell(String text) {
            Matcher matcher = pattern.matcher(text);
            return matcher.find() ? Optional.of(tell.apply(matcher)) : Optional.empty();
        }
    }

    private static Rule rule(String regex, Function<Matcher, String> tell) {
        return new Rule(Pattern.compile(regex), tell);
    }

    /** The resource a path names, and the id or key in it, if it looks like one. */
    record Resource(String name, String id) {

        static Resource of(String path) {
            String[] segments = (path == null ? "" : path).replaceFirst("^/+", "").replaceFirst("^engine/[^/]+/", "").split("/");
            int next = 1;
            String key = segments[0];
            if ("history".equals(key) && segments.length > 1) {
                key = "history/" + segments[1];
                next = 2;
            }
            String name = RESOURCES.get(key);
            if (segments.length > next && "key".equals(segments[next])) {
                next++;
            }
            String id = segments.length > next && !NOT_IDS.contains(segments[next]) && PLAIN_ID.matcher(segments[next]).matches()
                    ? segments[next] : null;
            return new Resource(name, id);
        }

        String notFound() {
            String what = name == null ? "请求的数据" : name;
            return what + (id == null ? "" : " " + id + " ") + "不存在，或您没有查看它的权限";
        }
    }
}
