// The corpus files written by SheetJS (xlsx 0.18.5: .xlsx and .xlsb) and ExcelJS 4.4.0.
const XLSX = require("xlsx");
const ExcelJS = require("exceljs");

const out = process.argv[2];
const header = ["E-posta", "Telefon", "Bayi Adı", "Kod Adedi", "Paket"];
const dealers = [
  ["d1@ornek.com", 5321110001, "Çiftçi Şükrü İşletmesi", 3, "M"],
  ["D2@ORNEK.COM", "0532 111 00 02", "Ilıca Tarım Ltd. Şti.", 3.0, "S"],
  ["d3@ornek.com", 905321110003, "Öz Gıda", "3", "L"],
  ["bozuk-eposta", 5321110004, "Hatalı Bayi", 1, "M"],
  ["d5@ornek.com", "+90 532 111 00 05", "Ege Bayi", 2, "XL"],
];

const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...dealers]), "Bayiler");
XLSX.writeFile(book, `${out}/sheetjs.xlsx`);
XLSX.writeFile(book, `${out}/sheetjs.xlsb`);

(async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bayiler");
  sheet.addRow(header);
  dealers.forEach((row, i) => {
    const added = sheet.addRow(row);
    if (i === 0) {
      added.getCell(3).value = { richText: [{ font: { bold: true }, text: "Çiftçi " }, { text: "Şükrü İşletmesi" }] };
    }
  });
  await workbook.xlsx.writeFile(`${out}/exceljs.xlsx`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
