package cn.smartaffairs.demo;

/**
 * One business module's demo data, loaded after the organisation and the accounts exist, in the order of the
 * implementations' {@code @Order} (a module that builds on another's demo data comes after it).
 */
interface ModuleDemoData {

  void load();
}
