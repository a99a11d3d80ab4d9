package cn.smartaffairs.access;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** A parking lot as registered on 停车场: zones' places, the gates into it, the public opening window. */
public class ParkingLotForm implements Serializable {

  @NotBlank
  @Size(max = 100) private String name;
  @Size(max = 200) private String address;
  /** Gate names separated by commas (the names the gate cameras report). */
  @Size(max = 500) private String gates;
  @Min(0)
  @Max(100_000) private Integer officialPlaces;
  @Min(0)
  @Max(100_000) private Integer staffPlaces;
  @Min(0)
  @Max(100_000) private Integer visitorPlaces;
  @Min(0)
  @Max(100_000) private Integer publicPlaces;
  @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) private LocalTime publicOpens;
  @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) private LocalTime publicCloses;
  @Pattern(regexp = "[1-7]*")
  @Size(max = 7) private String publicDays;

  ParkingLots.LotDraft draft() {
    Map<ParkingZoneKind, Integer> capacities = new EnumMap<>(ParkingZoneKind.class);
    capacities.put(ParkingZoneKind.OFFICIAL, officialPlaces);
    capacities.put(ParkingZoneKind.STAFF, staffPlaces);
    capacities.put(ParkingZoneKind.VISITOR, visitorPlaces);
    capacities.put(ParkingZoneKind.PUBLIC, publicPlaces);
    capacities.values().removeIf(java.util.Objects::isNull);
    return new ParkingLots.LotDraft(name, address, capacities,
        gates == null ? java.util.List.of() : Arrays.asList(gates.split("[,，、;；]")), publicOpens, publicCloses,
        publicDays);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public String getGates() { return gates; }
  public void setGates(String gates) { this.gates = gates; }
  public Integer getOfficialPlaces() { return officialPlaces; }
  public void setOfficialPlaces(Integer officialPlaces) { this.officialPlaces = officialPlaces; }
  public Integer getStaffPlaces() { return staffPlaces; }
  public void setStaffPlaces(Integer staffPlaces) { this.staffPlaces = staffPlaces; }
  public Integer getVisitorPlaces() { return visitorPlaces; }
  public void setVisitorPlaces(Integer visitorPlaces) { this.visitorPlaces = visitorPlaces; }
  public Integer getPublicPlaces() { return publicPlaces; }
  public void setPublicPlaces(Integer publicPlaces) { this.publicPlaces = publicPlaces; }
  public LocalTime getPublicOpens() { return publicOpens; }
  public void setPublicOpens(LocalTime publicOpens) { this.publicOpens = publicOpens; }
  public LocalTime getPublicCloses() { return publicCloses; }
  public void setPublicCloses(LocalTime publicCloses) { this.publicCloses = publicCloses; }
  public String getPublicDays() { return publicDays; }
  public void setPublicDays(String publicDays) { this.publicDays = publicDays; }
}
