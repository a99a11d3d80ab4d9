package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** 终端参数: a terminal's parameters as it last answered, and asking it again (0x8104 → 0x0104). */
@RestController
@Tag(name = "公务用车·定位 Official vehicles: terminals and positions")
@SecurityRequirement(name = "bearer")
class TerminalParameterApiController {

  private final TerminalParameters parameters;

  TerminalParameterApiController(TerminalParameters parameters) {
    this.parameters = parameters;
  }

  @GetMapping("/api/v1/vehicle-terminals/{id}/parameters")
  @Operation(summary = "终端参数 The terminal's parameters as it last answered a query (vehicle managers of its region)", description = "answeredAt: when (null and no parameters when it never answered). Each parameter: id as the "
      + "standard writes it (0x0001), name when the platform reads it (HEARTBEAT_INTERVAL, MAIN_SERVER_ADDRESS, "
      + "SERVER_TCP_PORT, DEFAULT_REPORT_INTERVAL, MAX_SPEED, ODOMETER ...; null for others), value as text (numbers "
      + "in decimal, the odometer in km with one decimal, text as GBK, the alarm mask as 0x…; other parameters as "
      + "their bytes in hex) and unit (SECONDS, METRES, KMH, KM, DEGREES, TIMES, NONE).")
  TerminalParameters.Answer latest(@PathVariable long id) {
    return parameters.latest(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/vehicle-terminals/{id}/parameter-queries")
  @Operation(summary = "查询终端参数 Ask the terminal for all its parameters (0x8104) and wait for its answer (audited)", description = "200 with outcome ANSWERED and the answer when the terminal answered within "
      + "affairs.telemetry.command-timeout (10 s); 202 with outcome NO_ANSWER when it has not yet (its answer is "
      + "stored whenever it comes: read it with GET …/parameters); 409 when the terminal is not connected to this "
      + "instance's gateway or refused the query (its 0x0001 result).")
  ResponseEntity<TerminalParameters.Queried> query(@PathVariable long id) {
    TerminalParameters.Queried queried = parameters.query(id, CurrentUsers.current());
    return switch (queried.outcome()) {
      case ANSWERED -> ResponseEntity.ok(queried);
      case NO_ANSWER -> ResponseEntity.accepted().body(queried);
      case NOT_CONNECTED -> throw new ConflictException("telemetry.parameters.outcome.NOT_CONNECTED");
      case REFUSED -> throw new ConflictException("telemetry.parameters.outcome.REFUSED", queried.terminalResult(),
          TerminalParameters.resultWords(queried.terminalResult()));
    };
  }
}
