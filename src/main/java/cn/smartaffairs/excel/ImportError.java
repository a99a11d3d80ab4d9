package cn.smartaffairs.excel;

/** What is wrong with one cell of an import: its row as Excel numbers it, the column header and the reason. */
public record ImportError(int row, String column, String message) {}
