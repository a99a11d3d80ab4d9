package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The tile server's address becomes exactly one source of the pages' content security policy. */
class MapPropertiesTest {

  private static MapProperties tiles(String tileUrl, String labelsUrl) {
    return new MapProperties(tileUrl, labelsUrl, "01234567", "天地图", Duration.ofSeconds(20));
  }

  @Test
  void noTileServerAddsNoSource() {
    assertThat(tiles(null, null).imageSources()).isEmpty();
    assertThat(tiles("", " ").imageSources()).isEmpty();
  }

  @Test
  void aTileServerOnThePlatformsOwnAddressNeedsNoSource() {
    assertThat(tiles("/tiles/{z}/{x}/{y}.png", null).imageSources()).isEmpty();
  }

  @Test
  void theHostsFirstLabelWithASubdomainPlaceholderBecomesAWildcard() {
    var tianditu = tiles("https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=vec"
        + "&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY",
        "https://t{s}.tianditu.gov.cn/cva_w/wmts?LAYER=cva&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY");
    assertThat(tianditu.imageSources()).containsExactly("https://*.tianditu.gov.cn", "https://*.tianditu.gov.cn");
    assertThat(tiles("http://tiles.gov.internal:8081/{z}/{x}/{y}.png", null).imageSources())
        .containsExactly("http://tiles.gov.internal:8081");
  }

  @Test
  void anAddressThatIsNoPlainTileServerIsRefusedAtStart() {
    assertThatThrownBy(() -> tiles("javascript:alert(1)", null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tiles("https://tiles.{s}.example.cn/{z}/{x}/{y}.png", null))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tiles("https://a b.example.cn/{z}.png", null)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new MapProperties("", "", "abc", "", Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
