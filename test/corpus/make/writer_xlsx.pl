# Writes the corpus file made with Excel::Writer::XLSX (Debian's libexcel-writer-xlsx-perl). Usage: perl writer_xlsx.pl OUTDIR
use strict; use warnings; use utf8;
use Excel::Writer::XLSX;
my $out = shift;
my $v = $Excel::Writer::XLSX::VERSION;
my $wb = Excel::Writer::XLSX->new("$out/excel-writer-xlsx${v}_chart-comments.xlsx");
my $ws = $wb->add_worksheet('Sheet1');
$ws->write_row(0, 0, ['Unit', 'Q1', 'Q2']);
$ws->write_row(1, 0, ['A', 1, 2]);
$ws->write_row(2, 0, ['B', 3, 4]);
$ws->merge_range('E1:F1', 'merged', $wb->add_format(bold => 1));
$ws->write_comment('A2', 'a note written by Excel::Writer::XLSX');
$ws->write_formula('D2', '=B2+C2', undef, 3);
my $chart = $wb->add_chart(type => 'bar', embedded => 1);
$chart->add_series(values => '=Sheet1!$B$2:$B$3');
$ws->insert_chart('E3', $chart);
$wb->close;
