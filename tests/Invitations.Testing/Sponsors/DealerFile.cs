using ClosedXML.Excel;

namespace Invitations.Testing.Sponsors;

/// <summary>Generates an upload file of N dealers, every email and phone unique within the run.</summary>
public static class DealerFile
{
    private static int _batch;

    public static byte[] Create(int dealers, int codeCount = 1, string tier = "M")
    {
        var batch = Interlocked.Increment(ref _batch);
        var run = Random.Shared.Next(100_000, 999_999);
        using var workbook = new XLWorkbook();
        var sheet = workbook.AddWorksheet("Dealers");
        string[] header = ["Email", "Phone", "DealerName", "CodeCount", "Tier"];
        for (var c = 0; c < header.Length; c++)
        {
            sheet.Cell(1, c + 1).Value = header[c];
        }

        for (var i = 0; i < dealers; i++)
        {
            var row = i + 2;
            sheet.Cell(row, 1).Value = $"bayi{run}.{batch}.{i}@example.com";

            // Turkish mobile numbers (5xx), unique per row within a run.
            sheet.Cell(row, 2).Value = $"+90 53{batch % 10} {(run + i) % 1000:000} {i / 100 % 100:00} {i % 100:00}";
            sheet.Cell(row, 3).Value = $"Bayi {i}";
            sheet.Cell(row, 4).Value = codeCount;
            sheet.Cell(row, 5).Value = tier;
        }

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }
}
