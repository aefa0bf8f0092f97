"""Spreadsheet loaders: roadmap definition workbook, regional monthly status sheets, national
summary tables; the regional template writer; and the demo data builder. All validate the whole
file first and write in one transaction through `domain.store`."""
