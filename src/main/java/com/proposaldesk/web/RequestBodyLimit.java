package com.proposaldesk.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies on {@code /api/*}, {@code /engine-rest/*} and the webapps' own REST API ({@code /camunda/api/*},
 * where Tasklist submits its forms) before anything parses them: a JSON (or any non-multipart) body over
 * {@code proposal-desk.max-request-body}, or a multipart upload to the engine's REST APIs over
 * {@code spring.servlet.multipart.max-request-size}, gets 413 with a Chinese message. Uploads to our API are capped by
 * Spring's multipart limits already. A body without a declared length is read up to the limit and handed on from
 * memory.
 */
@Configuration
public class RequestBodyLimit {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestBodyLimitFilter(
            @Value("${proposal-desk.max-request-body:1MB}") DataSize maxBody, MultipartProperties multipart) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Filter(maxBody, multipart.getMaxRequestSize()));
        registration.setName("proposal-desk-request-body-limit");
        registration.addUrlPatterns("/api/*", "/engine-rest/*", "/camunda/api/*");
        // before the authentication filter: an oversized body is refused without being read
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    static class Filter extends OncePerRequestFilter {

        private final DataSize maxBody;
        private final DataSize maxUpload;

        Filter(DataSize maxBody, DataSize maxUpload) {
            this.maxBody = maxBody;
            this.maxUpload = maxUpload;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            boolean multipart = request.getContentType() != null
                    && request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
            if (multipart && path.startsWith("/api/")) {
                chain.doFilter(request, response);
                return;
            }
            DataSize limit = multipart ? maxUpload : maxBody;
            long declared = request.getContentLengthLong();
            if (declared > limit.toBytes()) {
                refuse(path, limit, response);
                return;
            }
            if (declared >= 0 || !mayHaveBody(request)) {
                chain.doFilter(request, response);
                return;
            }
            byte[] body = readAtMost(request.getInputStream(), limit.toBytes() + 1);
            if (body.length > limit.toBytes()) {
                refuse(path, limit, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
        }

        private static boolean mayHaveBody(HttpServletRequest request) {
            return !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                    || "OPTIONS".equals(request.getMethod()));
        }

        private static byte[] readAtMost(InputStream in, long max) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while (out.size() < max && (read = in.read(buffer, 0, (int) Math.min(buffer.length, max - out.size()))) != -1) {
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }

        /** In our API's error format on {@code /api}, in the engine's ({@code type}, {@code message}) on its REST API. */
        private static void refuse(String path, DataSize limit, HttpServletResponse response) throws IOException {
            String message = "请求内容超过 " + describe(limit) + " 的上限，未予受理";
            String body = path.startsWith("/api/")
                    ? "{\"message\":\"" + message + "\",\"errors\":[]}"
                    : "{\"type\":\"RequestTooLarge\",\"message\":\"" + message + "\"}";
            response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            // the unread body is not worth keeping the connection for
            response.setHeader("Connection", "close");
            response.getWriter().write(body);
        }

        static String describe(DataSize size) {
            long bytes = size.toBytes();
            if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
                return size.toMegabytes() + " MB";
            }
            if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
                return size.toKilobytes() + " KB";
            }
            return bytes + " 字节";
        }
    }

    /** The request with its body already read into memory. */
    static class BufferedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
