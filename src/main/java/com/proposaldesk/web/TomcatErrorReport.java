package com.proposaldesk.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Tomcat answers some requests before any of ours sees them (an encoded slash or an invalid character in the address,
 * a malformed header): its own error report is an English page naming the server. This replaces it with the same
 * Chinese message by status that {@link ErrorAnswers} gives, and nothing else.
 */
@Component
public class TomcatErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(ChineseReport.class.getName());
                host.getPipeline().addValve(new ChineseReport());
            }
        });
    }

    /** After Spring Boot's own customizer, which adds Tomcat's report without server information. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The host's error report: a short Chinese page, no server name, no exception. */
    public static class ChineseReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(true);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            String title = HtmlUtils.htmlEscape(ErrorAnswers.title(status));
            String message = HtmlUtils.htmlEscape(ErrorAnswers.message(status));
            try {
                response.setContentType("text/html");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                            + " · 提案办理台</title></head><body><h1>" + title + "</h1><p>" + message + "</p><p>错误代码："
                            + status + "</p></body></html>");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client has gone, or the response can no longer be written: nothing more to report
            }
        }
    }
}
