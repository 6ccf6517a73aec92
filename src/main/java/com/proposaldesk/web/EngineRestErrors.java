package com.proposaldesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.proposaldesk.security.PasswordRules;
import com.proposaldesk.task.RejectedInputMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine's REST API answers a server-side failure with the exception's class name and message (SQL text,
 * expressions, class names). These mappers answer it in the engine's error format with a Chinese message and a
 * reference to the logged exception instead, and answer unreadable JSON with a Chinese 400 ({@link EngineRestMappers}
 * registers them). Our rejected form input
 * ({@link RejectedInputMapper}, priority 1) is mapped first; every 4xx of the engine keeps its own answer.
 */
public final class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final String NOT_JSON = "请求内容不是有效的 JSON";

    private EngineRestErrors() {
    }

    static Response body(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Maps what the engine's own mappers would answer with a 5xx. */
    abstract static class ServerError<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E exception) {
            return RejectedInputMapper.rejection(exception) == null && !DatabaseUnavailable.isCause(exception)
                    && ExceptionHandlerHelper.getInstance().getStatus(exception).getStatusCode() >= 500;
        }

        @Override
        public Response toResponse(E exception) {
            String reference = ErrorReference.next();
            LOG.error("Engine REST API failed, error reference {}", reference, exception);
            return body(ExceptionHandlerHelper.getInstance().getStatus(exception).getStatusCode(), "ServerError",
                    ErrorReference.message(reference));
        }
    }

    @Provider
    @Priority(2)
    public static class FromEngine extends ServerError<ProcessEngineException> {
    }

    @Provider
    @Priority(2)
    public static class FromRestResource extends ServerError<RestException> {
    }

    @Provider
    @Priority(2)
    public static class FromAnything extends ServerError<Exception> {
    }

    /** The engine refuses a password against its policy with a plain exception and 500; it is the caller's mistake. */
    @Provider
    @Priority(1)
    public static class WeakPassword implements ExtendedExceptionMapper<ProcessEngineException> {

        @Override
        public boolean isMappable(ProcessEngineException exception) {
            return "Password does not match policy".equals(exception.getMessage());
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return body(400, "InvalidRequest", "口令不符合口令规则：" + PasswordRules.all());
        }
    }

    @Provider
    @Priority(2)
    public static class UnreadableJson implements ExceptionMapper<JsonParseException> {

        @Override
        public Response toResponse(JsonParseException exception) {
            return body(400, "InvalidRequest", NOT_JSON);
        }
    }

    @Provider
    @Priority(2)
    public static class MistypedJson implements ExceptionMapper<JsonMappingException> {

        @Override
        public Response toResponse(JsonMappingException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonParseException) {
                    return body(400, "InvalidRequest", NOT_JSON);
                }
            }
            String field = exception.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
            return body(400, "InvalidRequest",
                    field == null ? "请求内容的格式不正确" : "字段 " + field + " 的类型不正确");
        }
    }
}
