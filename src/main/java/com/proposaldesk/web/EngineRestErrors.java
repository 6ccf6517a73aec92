package com.proposaldesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.proposaldesk.security.PasswordRules;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Every failure of the engine's REST API, answered in the engine's error format (type, message, and whatever else the
 * engine adds, such as {@code code} or a parse error's {@code details}) with a Chinese message and a type that names no
 * class ({@link EngineErrorMessages}). A server-side failure gets a reference to the logged exception instead of its
 * text; the caller's mistake gets a 4xx, even where the engine itself would answer 500. Registered in every JAX-RS
 * application of the engine's REST API by {@link EngineRestMappers}. Our rejected form input ({@link RejectedInputMapper}),
 * a lost race, a refused permission and a lost database have mappers of their own, of priority 1.
 */
public final class EngineRestErrors {

    private static final Logger LOG = LoggerFactory.getLogger(EngineRestErrors.class);
    private static final String NOT_JSON = "请求内容不是有效的 JSON";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The webapps' copy of the REST API names its engine: {@code engine/{name}/...}. */
    private static final Pattern ENGINE = Pattern.compile("^/?engine/([^/]+)/");

    private EngineRestErrors() {
    }

    static Response body(int status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /**
     * A refused request is expected, not a failure: one WARN line with a reference, no stack trace.
     *
     * @return the reference
     */
    public static String logRefusal(Request request, UriInfo uri, int status, String message) {
        String reference = ErrorReference.next();
        LOG.warn("{} {} refused with {} (error reference {}): {}", request == null ? "?" : request.getMethod(),
                uri == null ? "?" : uri.getPath(), status, reference, message);
        return reference;
    }

    /** Maps what the engine's own mappers would answer, whatever the status. */
    abstract static class Translated<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Context
        private UriInfo uri;
        @Context
        private Request request;

        @Override
        public boolean isMappable(E exception) {
            if (exception instanceof WebApplicationException web && web.getResponse() != null
                    && (web.getResponse().getStatus() < 400 || web.getResponse().hasEntity())) {
                return false;
            }
            return RejectedInputMapper.rejection(exception) == null && !DatabaseUnavailable.isCause(exception);
        }

        @Override
        public Response toResponse(E exception) {
            String path = uri == null ? "" : uri.getPath();
            EngineErrorMessages.Answer answer = EngineErrorMessages.answer(exception, path, isAdmin(path));
            if (answer.status() >= 500) {
                String reference = ErrorReference.next();
                LOG.error("Engine REST API failed, error reference {}", reference, exception);
                return body(answer.status(), answer.type(), ErrorReference.message(reference));
            }
            logRefusal(request, uri, answer.status(), answer.message());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", answer.type());
            body.put("message", answer.message());
            body.putAll(enginesOwnFields(exception));
            return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
        }

        /** What the engine's error format adds to type and message: its error code, a parse error's details. */
        private static Map<String, Object> enginesOwnFields(Throwable exception) {
            try {
                Map<String, Object> fields = JSON.convertValue(ExceptionHandlerHelper.getInstance().fromException(exception),
                        new TypeReference<LinkedHashMap<String, Object>>() { });
                fields.remove("type");
                fields.remove("message");
                return fields;
            } catch (RuntimeException unconvertible) {
                return Map.of();
            }
        }

        private static boolean isAdmin(String path) {
            Matcher named = ENGINE.matcher(path);
            ProcessEngine engine = ProcessEngines.getProcessEngine(named.find() ? named.group(1) : "default");
            Authentication user = engine == null ? null : engine.getIdentityService().getCurrentAuthentication();
            return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
        }
    }

    @Provider
    @Priority(2)
    public static class FromEngine extends Translated<ProcessEngineException> {
    }

    @Provider
    @Priority(2)
    public static class FromRestResource extends Translated<RestException> {
    }

    @Provider
    @Priority(2)
    public static class FromAnything extends Translated<Exception> {
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
