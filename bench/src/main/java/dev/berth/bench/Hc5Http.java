package dev.berth.bench;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The transport candidate of issue 14: Apache HttpClient 5.6 classic framing over the JDK's unix-domain socket
 * (HttpClient's own {@code UnixDomainSocketFactory}, no JNA), pooled keep-alive connections, no JSON library.
 */
final class Hc5Http implements AutoCloseable {
    private final CloseableHttpClient client;

    Hc5Http(String socket) {
        client = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setUnixDomainSocket(Path.of(socket)).build())
                .build();
    }

    /** Sends a request and returns the body; throws on status >= 400. */
    String call(String method, String path, String json) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, URI.create("http://docker" + path));
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        return client.execute(request, response -> {
            String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
            if (response.getCode() >= 400) {
                throw new IOException(method + " " + path + " -> " + response.getCode() + ": " + text);
            }
            return text;
        });
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
