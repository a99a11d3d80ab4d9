package cn.smartaffairs.canteen.procurement;

import java.time.LocalDate;
import java.util.List;

/** 供应商 with its licences (食品经营许可证, 食品生产许可证, 营业执照 …). */
public record Supplier(long id, long regionId, String name, String address, String contact, List<Licence> licences) {

  /** One licence and its expiry. */
  public record Licence(long id, LicenceKind kind, String number, LocalDate expiresOn) {

    public boolean validOn(LocalDate day) {
      return !expiresOn.isBefore(day);
    }
  }

  /** A supplier may be picked on a day while it holds a food licence and none of its licences has expired. */
  public boolean usableOn(LocalDate day) {
    boolean foodLicence = licences.stream().anyMatch(l -> l.kind().food() && l.validOn(day));
    return foodLicence && licences.stream().allMatch(l -> l.validOn(day));
  }
}
