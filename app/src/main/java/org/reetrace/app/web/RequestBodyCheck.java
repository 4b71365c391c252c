package org.reetrace.app.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * The one gate every {@code @RequestBody} passes before it is bound: a JSON body is parsed strictly and its tree
 * checked ({@link JsonInput}: no key twice, no text that cannot be kept, no number out of range), a text body
 * (a rule pack, a CSV file) is checked for characters that cannot be kept. Binding then reads the same bytes.
 * Bodies taken as {@code byte[]} are left to their controller, which parses them once through
 * {@link JsonInput#read} (the event endpoints, where a batch is large and parsing twice would cost).
 */
@ControllerAdvice
class RequestBodyCheck extends RequestBodyAdviceAdapter {

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType != byte[].class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        MediaType type = input.getHeaders().getContentType();
        if (type == null) {
            return input;
        }
        byte[] body = input.getBody().readAllBytes();
        if (body.length > 0) {
            if (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json")) {
                JsonInput.read(body);
            } else if (type.getType().equals("text")) {
                Charset charset = type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
                JsonInput.checkText(new String(body, charset), "body");
            }
        }
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return input.getHeaders();
            }
        };
    }
}
