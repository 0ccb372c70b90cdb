package org.supervisionhub.api.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.supervisionhub.api.HubIntegrationTest;

class CsvUploadTest extends HubIntegrationTest {

    WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + token(officer("HRSS-430100"))).build();
    }

    static ByteArrayResource file(String name, String content) {
        return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    @Test
    void anUploadedFileIsImportedLikeTheMutationAndReportsItsBadRows() {
        String good = newUscc();
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("enterprises", file("e.csv", "uscc,name,orgType,regionCode\n" + good + ",上传企业,COMPANY,430102\n" + "BAD,坏行,COMPANY,430102\n"));
        Map<String, Object> report = http().post().uri("/import/enterprises").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(report).containsEntry("accepted", 1).containsEntry("rejected", 1);
        assertThat((List<Map<String, Object>>) report.get("rejections")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("line", 3).containsEntry("field", "uscc").containsEntry("code", "INVALID_USCC"));
        graphQl().document("query($u: ID!) { enterprise(uscc: $u) { name } }").variable("u", good).execute()
                .path("enterprise.name").entity(String.class).isEqualTo("上传企业");
    }

    @Test
    void aFileMissingRequiredColumnsIsABadRequestNamingThePart() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("inspectors", file("i.csv", "inspectorId,name\nX,Y\n"));
        http().post().uri("/import/inspectors").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(body.build())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].code").isEqualTo("REQUIRED").jsonPath("$.errors[0].field").isEqualTo("csv");
    }
}
