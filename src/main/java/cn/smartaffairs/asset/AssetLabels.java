package cn.smartaffairs.asset;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.printing.Label;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.security.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 资产标签: a label per asset — a QR code with the address of the asset's page, its number, name and unit — as PDF on
 * a label roll (60×40 mm) or A4 sheets. The QR code carries nothing but that address: a signed-in person who scans it
 * sees the asset's page if their scope reaches it, anyone else only the sign-in page.
 */
@Service
public class AssetLabels {

  /** The most labels one PDF holds (the list's export limit). */
  static final int MOST = ListQuery.EXPORT_LIMIT;

  private final AssetRegister register;
  private final PdfPrinter printer;

  AssetLabels(AssetRegister register, PdfPrinter printer) {
    this.register = register;
    this.printer = printer;
  }

  /** The address a label's QR code opens. */
  public static String pageOf(String baseUrl, long assetId) {
    return baseUrl.replaceAll("/+$", "") + "/assets/" + assetId;
  }

  /** The label of one asset the caller sees. */
  public byte[] label(long assetId, Label.Stock stock, String baseUrl, CurrentUser by) {
    return print(List.of(register.get(assetId, by)), stock, baseUrl);
  }

  /** The labels of the assets of a list (its filters, search and order), up to {@link #MOST}. */
  public byte[] labels(AssetRegister.Filter filter, ListQuery query, Label.Stock stock, String baseUrl,
      CurrentUser by) {
    List<Asset> assets = register.search(filter, query.forExport(), by).items();
    if (assets.isEmpty()) {
      throw new BusinessRuleException("asset.labelsNone");
    }
    return print(assets, stock, baseUrl);
  }

  private byte[] print(List<Asset> assets, Label.Stock stock, String baseUrl) {
    List<Label> labels = assets.stream()
        .map(a -> new Label(pageOf(baseUrl, a.id()), List.of(a.number(), a.name(), a.unitName()))).toList();
    return printer.printLabels("资产标签", labels, stock == null ? Label.Stock.ROLL_60X40 : stock);
  }
}
