package org.supervisionhub.api.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.supervisionhub.api.HubIntegrationTest;

class ImportApiTest extends HubIntegrationTest {

    static final String IMPORT = """
            mutation($e: String!, $l: String) { importEnterprises(enterprisesCsv: $e, linksCsv: $l) {
              accepted rejected rejections { file line field code message } } }
            """;

    @Autowired
    Driver driver;

    @Test
    void goodRowsAreLoadedAndEachBadRowIsReportedWithLineFieldAndReason() {
        String a = newUscc();
        String b = newUscc();
        String c = newUscc();
        String badCheck = newUscc();
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '0' ? '1' : '0');
        String enterprises = String.join("\n",
                "uscc,name,orgType,industry,scale,status,creditRiskClass,integrityGrade,regionCode,registrationAuthorityId,establishedOn,address",
                a + ",导入甲公司,COMPANY,C13,SMALL,ACTIVE,B,A,430102,MS-430102,2019-05-01,芙蓉区一号",
                b + ",导入乙公司,COMPANY,F51,MICRO,ACTIVE,C,B,430103,,2020-01-01,",
                badCheck + ",校验码错误公司,COMPANY,,,,,,430102,,,",
                c + ",\"导入丙，有逗号的公司\",PARTNERSHIP,M74,SMALL,ACTIVE,A,A,430104,,,",
                newUscc() + ",无此地区公司,COMPANY,,,,,,999999,,,",
                a + ",重复的甲公司,COMPANY,,,,,,430102,,,",
                newUscc() + ",类型错误公司,CORPORATION,,,,,,430102,,2019-13-01,");
        String links = String.join("\n",
                "type,fromUscc,fromPersonId,fromNationalId,fromName,toUscc,role,sharePct,validFrom,validTo",
                "LEGAL_REPRESENTATIVE,,,430102197001010055,赵四," + a + ",,,2019-05-01,",
                "SHAREHOLDER," + a + ",,,," + b + ",,51,2020-01-01,",
                "OFFICER,,,430102197001010055,赵四," + c + ",DIRECTOR,,2021-01-01,",
                "SHAREHOLDER," + a + ",,,," + newUscc() + ",,10,2020-01-01,",
                "SHAREHOLDER," + a + ",,,," + c + ",,150,2020-01-01,");

        Map<String, Object> report = graphQl(officer("HRSS-430100")).document(IMPORT).variable("e", enterprises).variable("l", links).execute()
                .path("importEnterprises").entity(Map.class).get();

        assertThat(report.get("accepted")).isEqualTo(3 + 3);
        assertThat(report.get("rejected")).isEqualTo(4 + 2);
        List<Map<String, Object>> rejections = (List<Map<String, Object>>) report.get("rejections");
        assertThat(rejections).extracting(r -> r.get("file") + ":" + r.get("line") + ":" + r.get("field") + ":" + r.get("code"))
                .containsExactly(
                        "enterprisesCsv:4:uscc:INVALID_USCC", "enterprisesCsv:6:regionCode:NOT_FOUND",
                        "enterprisesCsv:7:uscc:CONFLICT", "enterprisesCsv:8:orgType:INVALID_VALUE",
                        "enterprisesCsv:8:establishedOn:INVALID_VALUE",
                        "linksCsv:5:toUscc:NOT_FOUND", "linksCsv:6:sharePct:INVALID_VALUE");

        long loaded = driver.executableQuery("MATCH (e:Enterprise) WHERE e.uscc IN $u RETURN count(e) AS n")
                .withParameters(Map.of("u", List.of(a, b, c))).execute().records().get(0).get("n").asLong();
        assertThat(loaded).isEqualTo(3);
        graphQl(officer("HRSS-430100")).document("query($u: ID!) { enterprise(uscc: $u) { name legalRepresentative(asOf: \"2024-01-01\") { name } "
                        + "links(direction: OUTBOUND) { totalCount } } }").variable("u", a).execute()
                .path("enterprise.legalRepresentative.name").entity(String.class).isEqualTo("赵四")
                .path("enterprise.links.totalCount").entity(Integer.class).isEqualTo(1);
        graphQl(officer("HRSS-430100")).document("query($u: ID!) { enterprise(uscc: $u) { name } }").variable("u", c).execute()
                .path("enterprise.name").entity(String.class).isEqualTo("导入丙，有逗号的公司");
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWholeAndNothingIsWritten() {
        String uscc = newUscc();
        graphQl(officer("HRSS-430100")).document(IMPORT).variable("e", "uscc,name\n" + uscc + ",缺列公司").variable("l", null).execute()
                .errors().satisfy(e -> {
                    assertThat(e.get(0).getExtensions()).containsEntry("field", "enterprisesCsv").containsEntry("code", "REQUIRED");
                    assertThat(e.get(0).getMessage()).contains("orgType", "regionCode");
                });
        graphQl(officer("HRSS-430100")).document("query($u: ID!) { enterprise(uscc: $u) { uscc } }").variable("u", uscc).execute().path("enterprise").valueIsNull();
    }
}
