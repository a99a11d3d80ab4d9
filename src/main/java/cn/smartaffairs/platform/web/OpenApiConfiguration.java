package cn.smartaffairs.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs: bearer tokens for people, API keys for integrations. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI smartAffairsOpenApi() {
    return new OpenAPI()
        .info(new Info().title("智慧机关事务平台 API · Smart Affairs API").version("v1")
            .description(
                """
                    获取令牌：POST /api/v1/auth/token，之后在请求头携带 `Authorization: Bearer <token>`；
                    对接系统使用管理员签发的接口密钥，放在 `X-API-Key` 请求头中，只能调用其授权范围内的接口。
                    错误以 RFC 9457 problem details 返回，`detail` 为中文说明。

                    Get a token with POST /api/v1/auth/token and send it as `Authorization: Bearer <token>`;
                    integrations send an admin-issued key in `X-API-Key` and may call only their scopes.
                    Errors are RFC 9457 problem details whose `detail` is in Chinese unless Accept-Language asks otherwise."""))
        .components(new Components()
            .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
            .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("apiKey"));
  }
}
