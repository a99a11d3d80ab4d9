package cn.smartaffairs.telemetry;

import cn.smartaffairs.security.CurrentUsers;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The live map's refresh for its page session (the {@code /api} positions take a bearer token or a key, not the
 * page's session): the same {@link LiveMap#snapshot}, checked and audited as every look at the latest positions.
 * Outside {@code /api}, it is no part of the documented API.
 */
@RestController
class LiveMapJsonController {

  private final LiveMap liveMap;

  LiveMapJsonController(LiveMap liveMap) {
    this.liveMap = liveMap;
  }

  @GetMapping("/vehicles/map/positions.json")
  ResponseEntity<LiveMap.Snapshot> positions() {
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .body(liveMap.snapshot(CurrentUsers.current(), LocaleContextHolder.getLocale()));
  }
}
